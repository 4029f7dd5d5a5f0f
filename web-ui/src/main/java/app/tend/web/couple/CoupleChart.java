package app.tend.web.couple;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Both partners on one SVG line chart, drawn on the server: each partner in their own colour and
 * line style (solid and dashed, so colour is never the only difference), days without a value as
 * gaps, and an optional reference line such as a measure's cut-off. The picture carries its title
 * and a text alternative for screen readers.
 */
public final class CoupleChart {

  /** One partner's line: their name, a CSS class for colour and dash, and their values by day. */
  public record Series(String name, String styleClass, List<Point> points) {}

  /** One value on a day. */
  public record Point(LocalDate day, double value) {}

  /** A horizontal line across the chart, e.g. "cut-off 13.5". */
  public record Reference(double value, String label) {}

  /**
   * One chart: what it shows and how it is described in words.
   *
   * @param labels the words for the y axis ticks from {@code min} upwards, one per whole step; or
   *     empty for numbers a third of the range apart
   * @param reference a horizontal line, or null
   * @param joinedWithinDays values this many days apart or closer are joined by a line (1 for daily values, 7 for weekly)
   */
  public record Spec(String title, String description, LocalDate from, LocalDate to, double min, double max, List<String> labels,
              List<Series> series, Reference reference, int joinedWithinDays) {

    /** A chart of daily values. */
    public Spec(String title, String description, LocalDate from, LocalDate to, double min, double max, List<String> labels,
        List<Series> series, Reference reference) {
      this(title, description, from, to, min, max, labels, series, reference, 1);
    }
  }

  static final int WIDTH = 640;
  static final int HEIGHT = 200;
  private static final int LEFT = 96;
  private static final int RIGHT = 16;
  private static final int TOP = 12;
  private static final int BOTTOM = 30;
  private static final DateTimeFormatter AXIS_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  private CoupleChart() {}

  /** The chart as SVG for the page, with its title and text alternative. */
  public static String svg(Spec chart) {
    String title = chart.title();
    var svg = new StringBuilder();
    String id = "chart-" + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\" class=\"couple-chart\">")
        .append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>")
        .append("<desc id=\"").append(id).append("-desc\">").append(escape(chart.description())).append("</desc>");
    draw(new SvgCanvas(svg), chart);
    return svg.append("</svg>").toString();
  }

  /** Draws the chart on {@code canvas}: the same geometry on the page and in the PDF. */
  static void draw(ChartCanvas canvas, Spec chart) {
    LocalDate from = chart.from();
    LocalDate to = chart.to();
    double min = chart.min();
    double max = chart.max();
    List<String> labels = chart.labels();
    Reference reference = chart.reference();
    if (labels.isEmpty()) {
      // Four ticks a third apart (0, 7, 14, 21 for the CSI-4), labelled as they are, never rounded.
      for (int i = 0; i <= 3; i++) {
        double tick = min + i * (max - min) / 3;
        yTick(canvas, tick, min, max, tick == Math.rint(tick) ? String.format(Locale.ROOT, "%.0f", tick) : String.format(Locale.ROOT, "%.1f", tick));
      }
    } else {
      for (int i = 0; i < labels.size(); i++) {
        yTick(canvas, min + i, min, max, labels.get(i));
      }
    }
    long days = Math.max(1, ChronoUnit.DAYS.between(from, to));
    long step = days > 35 ? 14 : 7;
    for (long d = 0; d <= days; d += step) {
      canvas.text(x(from.plusDays(d), from, days), HEIGHT - 8, "middle", false, "axis", AXIS_DAY.format(from.plusDays(d)));
    }
    if (reference != null) {
      double y = y(reference.value(), min, max);
      canvas.line(LEFT, y, WIDTH - RIGHT, y, "reference");
      canvas.text(WIDTH - RIGHT, y - 4, "end", false, "reference-label", reference.label());
    }
    for (Series line : chart.series()) {
      // Neighbouring days are joined; a day without a value leaves a gap.
      var runs = new ArrayList<List<double[]>>();
      var points = new ArrayList<double[]>();
      LocalDate previous = null;
      for (Point point : line.points()) {
        double[] at = {x(point.day(), from, days), y(point.value(), min, max)};
        if (previous == null || ChronoUnit.DAYS.between(previous, point.day()) > chart.joinedWithinDays()) {
          runs.add(new ArrayList<>());
        }
        runs.getLast().add(at);
        points.add(at);
        previous = point.day();
      }
      canvas.series(line.styleClass(), runs, points);
    }
  }

  private static void yTick(ChartCanvas canvas, double value, double min, double max, String label) {
    double y = y(value, min, max);
    canvas.line(LEFT, y, WIDTH - RIGHT, y, "grid");
    canvas.text(LEFT - 8, y, "end", true, "axis", label);
  }

  /** Writes the drawing as SVG elements styled by the page's CSS. */
  private record SvgCanvas(StringBuilder svg) implements ChartCanvas {

    @Override
    public void line(double x1, double y1, double x2, double y2, String style) {
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>", x1, x2, y1, y2, style));
    }

    @Override
    public void text(double x, double y, String anchor, boolean middleBaseline, String style, String words) {
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"%s\" text-anchor=\"%s\"%s>%s</text>", x, y, style,
          anchor, middleBaseline ? " dominant-baseline=\"middle\"" : "", escape(words)));
    }

    @Override
    public void series(String style, List<List<double[]>> runs, List<double[]> points) {
      svg.append("<g class=\"series ").append(style).append("\">");
      var path = new StringBuilder();
      for (var run : runs) {
        for (int i = 0; i < run.size(); i++) {
          path.append(i == 0 ? " M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", run.get(i)[0], run.get(i)[1]));
        }
      }
      if (!path.isEmpty()) {
        svg.append("<path class=\"line\" d=\"").append(path.toString().trim()).append("\"/>");
      }
      for (double[] point : points) {
        svg.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"/>", point[0], point[1]));
      }
      svg.append("</g>");
    }
  }

  private static double x(LocalDate day, LocalDate from, long days) {
    return LEFT + 8 + ChronoUnit.DAYS.between(from, day) * (WIDTH - LEFT - RIGHT - 16) / (double) days;
  }

  private static double y(double value, double min, double max) {
    return TOP + (max - value) * (HEIGHT - TOP - BOTTOM) / (max - min);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
