package app.tend.web.checkin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Draws one measure's last 28 days as an SVG line chart on the server (no chart library, no
 * JavaScript). Days without a check-in are gaps, never zeros. The picture carries its own title
 * and description for screen readers.
 */
final class TrendChart {

  /** One day on the chart; {@code value} is null for a day without a check-in. */
  record Point(LocalDate day, Integer value) {}

  private static final int WIDTH = 420;
  private static final int HEIGHT = 170;
  private static final int LEFT = 84;
  private static final int RIGHT = 12;
  private static final int TOP = 10;
  private static final int BOTTOM = 28;
  private static final DateTimeFormatter AXIS_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  private TrendChart() {}

  /**
   * @param title what is measured, e.g. "Follow-through"
   * @param description the text alternative: what the chart shows, in words
   * @param points the days, oldest first
   * @param min the lowest answer (0, or 1 for "connected")
   * @param max the highest answer
   * @param labels the words for each answer from min to max
   */
  static String svg(String title, String description, List<Point> points, int min, int max, List<String> labels) {
    var svg = new StringBuilder();
    String id = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\" class=\"trend-chart\">");
    svg.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append(", last 28 days</title>");
    svg.append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
    for (int value = min; value <= max; value++) {
      double y = y(value, min, max);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>", LEFT, WIDTH - RIGHT, y, y));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\" dominant-baseline=\"middle\">%s</text>",
          LEFT - 8, y, escape(labels.get(value - min))));
    }
    for (int i = 0; i < points.size(); i += 7) {
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%s</text>",
          x(i, points.size()), HEIGHT - 6, AXIS_DAY.format(points.get(i).day())));
    }
    // A line joins neighbouring days only; a missed day leaves a gap.
    var path = new StringBuilder();
    Integer previous = null;
    for (int i = 0; i < points.size(); i++) {
      Integer value = points.get(i).value();
      if (value != null) {
        path.append(previous == null ? " M" : " L")
            .append(String.format(Locale.ROOT, "%.1f %.1f", x(i, points.size()), y(value, min, max)));
      }
      previous = value;
    }
    if (!path.isEmpty()) {
      svg.append("<path class=\"line\" d=\"").append(path.toString().trim()).append("\"/>");
    }
    for (int i = 0; i < points.size(); i++) {
      Integer value = points.get(i).value();
      if (value != null) {
        svg.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>", x(i, points.size()), y(value, min, max)));
      }
    }
    return svg.append("</svg>").toString();
  }

  private static double x(int index, int count) {
    return LEFT + 8 + index * (WIDTH - LEFT - RIGHT - 16) / (double) Math.max(1, count - 1);
  }

  private static double y(int value, int min, int max) {
    return TOP + (max - value) * (HEIGHT - TOP - BOTTOM) / (double) (max - min);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
