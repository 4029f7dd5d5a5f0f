package app.tend.web.clinic;

import java.util.List;
import java.util.Locale;

/**
 * Horizontal bars on an SVG drawn on the server, one per group, from a zero line that may sit in
 * the middle (for a change that can go either way). A group without a figure gets its reason
 * written where the bar would be. The picture carries a text alternative that says every figure.
 */
final class BarChart {

  /**
   * @param label the group, e.g. a clinician's name
   * @param value the figure, or null when there is none
   * @param text how the figure reads, or why there is none ("fewer than 3 couples")
   */
  record Bar(String label, Double value, String text) {}

  private static final int WIDTH = 640;
  private static final int ROW = 30;
  private static final int LABEL = 180;
  private static final int TEXT = 150;

  private BarChart() {}

  static String svg(String title, double min, double max, List<Bar> bars) {
    int height = Math.max(1, bars.size()) * ROW + 10;
    String id = "bars-" + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    String description = title + ". " + String.join(". ", bars.stream().map(bar -> bar.label() + ": " + bar.text()).toList()) + ".";
    var svg = new StringBuilder()
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\" class=\"bar-chart\">")
        .append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>")
        .append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
    double span = WIDTH - LABEL - TEXT;
    double zero = LABEL + (0 - min) / (max - min) * span;
    svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"4\" y2=\"%d\" class=\"zero\"/>", zero, zero, height - 4));
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double middle = 5 + i * ROW + ROW / 2.0;
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\" dominant-baseline=\"middle\">%s</text>",
          LABEL - 10, middle, escape(bar.label())));
      double end = zero;
      if (bar.value() != null) {
        double clamped = Math.max(min, Math.min(max, bar.value()));
        end = LABEL + (clamped - min) / (max - min) * span;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" class=\"bar%s\"/>",
            Math.min(zero, end), middle - 9, Math.max(1.5, Math.abs(end - zero)), 18, clamped < 0 ? " negative" : ""));
      }
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"%s\" dominant-baseline=\"middle\">%s</text>",
          Math.max(zero, end) + 8, middle, bar.value() == null ? "axis none" : "value", escape(bar.text())));
    }
    return svg.append("</svg>").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
