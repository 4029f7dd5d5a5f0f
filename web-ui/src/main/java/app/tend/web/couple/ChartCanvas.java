package app.tend.web.couple;

import java.util.List;

/**
 * What {@link CoupleChart} draws on: the page's SVG or the session-prep PDF. Coordinates are those
 * of the chart's own box ({@link CoupleChart#WIDTH} × {@link CoupleChart#HEIGHT}, y downwards); the
 * style names are the CSS classes of the SVG, which the PDF maps to the same colours and dashes.
 */
interface ChartCanvas {

  /** A straight line: "grid" or "reference". */
  void line(double x1, double y1, double x2, double y2, String style);

  /** A label: style "axis" or "reference-label"; anchor "start", "middle" or "end"; y is its middle for axis ticks. */
  void text(double x, double y, String anchor, boolean middleBaseline, String style, String words);

  /**
   * One partner's values: {@code runs} are the joined stretches of neighbouring days (each a list
   * of x, y pairs), {@code points} every value, in the partner's {@code style}.
   */
  void series(String style, List<List<double[]>> runs, List<double[]> points);
}
