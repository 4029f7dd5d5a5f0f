package app.tend.web.measure;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A partner's measure scores over time as an SVG line chart drawn on the server, with the cut-off
 * as a dashed line and its own title and description for screen readers.
 */
final class ScoreChart {

  private static final int WIDTH = 340;
  private static final int HEIGHT = 190;
  private static final int LEFT = 36;
  private static final int RIGHT = 12;
  private static final int TOP = 12;
  private static final int BOTTOM = 28;
  private static final DateTimeFormatter AXIS_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  private ScoreChart() {}

  static String svg(String title, String description, List<MeasureApi.Score> scores, double min, double max, Double cutOff) {
    var svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-labelledby=\"score-title score-desc\" class=\"trend-chart score-chart\">");
    svg.append("<title id=\"score-title\">").append(escape(title)).append("</title>");
    svg.append("<desc id=\"score-desc\">").append(escape(description)).append("</desc>");
    int step = (int) Math.max(1, Math.round((max - min) / 3));
    for (double value = min; value <= max; value += step) {
      line(svg, y(value, min, max), "grid");
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\" dominant-baseline=\"middle\">%s</text>",
          LEFT - 6, y(value, min, max), (int) value));
    }
    if (cutOff != null) {
      double y = y(cutOff, min, max);
      line(svg, y, "cut-off");
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"axis cut-off-label\" text-anchor=\"end\">%s</text>",
          WIDTH - RIGHT, y - 5, "cut-off " + cutOff));
    }
    int every = Math.max(1, scores.size() / 4);
    for (int i = 0; i < scores.size(); i += every) {
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%s</text>",
          x(i, scores.size()), HEIGHT - 6, AXIS_DAY.format(scores.get(i).day())));
    }
    var path = new StringBuilder();
    for (int i = 0; i < scores.size(); i++) {
      path.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x(i, scores.size()), y(scores.get(i).score(), min, max)));
    }
    if (scores.size() > 1) {
      svg.append("<path class=\"line\" d=\"").append(path).append("\"/>");
    }
    for (int i = 0; i < scores.size(); i++) {
      svg.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>",
          x(i, scores.size()), y(scores.get(i).score(), min, max)));
    }
    return svg.append("</svg>").toString();
  }

  private static void line(StringBuilder svg, double y, String kind) {
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>", LEFT, WIDTH - RIGHT, y, y, kind));
  }

  private static double x(int index, int count) {
    return count == 1 ? (LEFT + WIDTH - RIGHT) / 2.0 : LEFT + 8 + index * (WIDTH - LEFT - RIGHT - 16) / (double) (count - 1);
  }

  private static double y(double value, double min, double max) {
    return TOP + (max - value) * (HEIGHT - TOP - BOTTOM) / (max - min);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
