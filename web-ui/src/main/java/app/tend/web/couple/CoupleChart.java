package app.tend.web.couple;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Both partners on one SVG line chart, drawn on the server: each partner in their own colour and
 * line style (solid and dashed, so colour is never the only difference), days without a value as
 * gaps, and an optional reference line such as a measure's cut-off. The picture carries its title
 * and a text alternative for screen readers.
 */
final class CoupleChart {

  /** One partner's line: their name, a CSS class for colour and dash, and their values by day. */
  record Series(String name, String styleClass, List<Point> points) {}

  /** One value on a day. */
  record Point(LocalDate day, double value) {}

  /** A horizontal line across the chart, e.g. "cut-off 13.5". */
  record Reference(double value, String label) {}

  private static final int WIDTH = 640;
  private static final int HEIGHT = 200;
  private static final int LEFT = 96;
  private static final int RIGHT = 16;
  private static final int TOP = 12;
  private static final int BOTTOM = 30;
  private static final DateTimeFormatter AXIS_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  private CoupleChart() {}

  /**
   * @param labels the words for the y axis ticks from {@code min} upwards, one per whole step; or
   *     empty for numbers a third of the range apart
   */
  static String svg(String title, String description, LocalDate from, LocalDate to, double min, double max, List<String> labels,
      List<Series> series, Reference reference) {
    var svg = new StringBuilder();
    String id = "chart-" + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\" class=\"couple-chart\">")
        .append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>")
        .append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
    if (labels.isEmpty()) {
      // Four ticks a third apart (0, 7, 14, 21 for the CSI-4), labelled as they are, never rounded.
      for (int i = 0; i <= 3; i++) {
        double tick = min + i * (max - min) / 3;
        yTick(svg, tick, min, max, tick == Math.rint(tick) ? String.format(Locale.ROOT, "%.0f", tick) : String.format(Locale.ROOT, "%.1f", tick));
      }
    } else {
      for (int i = 0; i < labels.size(); i++) {
        yTick(svg, min + i, min, max, labels.get(i));
      }
    }
    long days = Math.max(1, ChronoUnit.DAYS.between(from, to));
    long step = days > 35 ? 14 : 7;
    for (long d = 0; d <= days; d += step) {
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%s</text>",
          x(from.plusDays(d), from, days), HEIGHT - 8, AXIS_DAY.format(from.plusDays(d))));
    }
    if (reference != null) {
      double y = y(reference.value(), min, max);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"reference\"/>", LEFT, WIDTH - RIGHT, y, y))
          .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"reference-label\" text-anchor=\"end\">%s</text>",
              WIDTH - RIGHT, y - 4, escape(reference.label())));
    }
    for (Series line : series) {
      // Neighbouring days are joined; a day without a value leaves a gap.
      var path = new StringBuilder();
      LocalDate previous = null;
      for (Point point : line.points()) {
        boolean joined = previous != null && ChronoUnit.DAYS.between(previous, point.day()) == 1;
        path.append(joined ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", x(point.day(), from, days), y(point.value(), min, max)));
        previous = point.day();
      }
      svg.append("<g class=\"series ").append(line.styleClass()).append("\">");
      if (!path.isEmpty()) {
        svg.append("<path class=\"line\" d=\"").append(path.toString().trim()).append("\"/>");
      }
      for (Point point : line.points()) {
        svg.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"/>",
            x(point.day(), from, days), y(point.value(), min, max)));
      }
      svg.append("</g>");
    }
    return svg.append("</svg>").toString();
  }

  private static void yTick(StringBuilder svg, double value, double min, double max, String label) {
    double y = y(value, min, max);
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>", LEFT, WIDTH - RIGHT, y, y))
        .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\" dominant-baseline=\"middle\">%s</text>",
            LEFT - 8, y, escape(label)));
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
