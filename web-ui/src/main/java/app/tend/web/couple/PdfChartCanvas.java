package app.tend.web.couple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Draws a {@link CoupleChart} into a PDF page at a place and scale, in the page's colours: partner
 * A solid teal, partner B dashed purple, the cut-off a dotted red line.
 */
final class PdfChartCanvas implements ChartCanvas {

  private static final Map<String, float[]> COLOURS = Map.of(
      "partner-a", new float[] {0.184f, 0.435f, 0.451f},
      "partner-b", new float[] {0.541f, 0.294f, 0.604f},
      "reference", PdfPages.ALERT,
      "reference-label", PdfPages.ALERT,
      "grid", new float[] {0.86f, 0.87f, 0.88f},
      "axis", new float[] {0.38f, 0.40f, 0.43f});
  private static final float CIRCLE = 0.5523f;

  private final PdfPages pages;
  private final PDPageContentStream page;
  private final float left;
  private final float top;
  private final float scale;

  /** A chart whose top-left corner is at ({@code left}, {@code top}) on the page, {@code width} wide. */
  PdfChartCanvas(PdfPages pages, float left, float top, float width) {
    this.pages = pages;
    this.page = pages.content();
    this.left = left;
    this.top = top;
    this.scale = width / CoupleChart.WIDTH;
  }

  static float height(float width) {
    return width / CoupleChart.WIDTH * CoupleChart.HEIGHT;
  }

  private float px(double x) {
    return left + (float) x * scale;
  }

  private float py(double y) {
    return top - (float) y * scale;
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String style) {
    try {
      stroke(style, "reference".equals(style) ? 1.5f : 1f, "reference".equals(style) ? new float[] {3, 3} : new float[0]);
      page.moveTo(px(x1), py(y1));
      page.lineTo(px(x2), py(y2));
      page.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void text(double x, double y, String anchor, boolean middleBaseline, String style, String words) {
    float size = Math.max(6f, 11 * scale); // small charts keep print-legible labels
    float width = pages.width(words, pages.regular, size);
    float at = switch (anchor) {
      case "middle" -> px(x) - width / 2;
      case "end" -> px(x) - width;
      default -> px(x);
    };
    pages.text(at, py(y) - (middleBaseline ? size * 0.35f : 0), words, pages.regular, size, COLOURS.getOrDefault(style, COLOURS.get("axis")));
  }

  @Override
  public void series(String style, List<List<double[]>> runs, List<double[]> points) {
    try {
      stroke(style, 2.5f, "partner-b".equals(style) ? new float[] {7, 5} : new float[0]);
      for (var run : runs) {
        if (run.size() < 2) {
          continue;
        }
        page.moveTo(px(run.getFirst()[0]), py(run.getFirst()[1]));
        for (double[] point : run.subList(1, run.size())) {
          page.lineTo(px(point[0]), py(point[1]));
        }
        page.stroke();
      }
      float[] colour = COLOURS.getOrDefault(style, COLOURS.get("axis"));
      page.setNonStrokingColor(colour[0], colour[1], colour[2]);
      float r = 3.5f * scale;
      for (double[] point : points) {
        float cx = px(point[0]);
        float cy = py(point[1]);
        float k = CIRCLE * r;
        page.moveTo(cx + r, cy);
        page.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        page.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        page.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        page.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        page.fill();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void stroke(String style, float width, float[] dash) throws IOException {
    float[] colour = COLOURS.getOrDefault(style, COLOURS.get("axis"));
    page.setStrokingColor(colour[0], colour[1], colour[2]);
    page.setLineWidth(width * scale);
    var scaled = new float[dash.length];
    for (int i = 0; i < dash.length; i++) {
      scaled[i] = dash[i] * scale;
    }
    page.setLineDashPattern(scaled, 0);
  }
}
