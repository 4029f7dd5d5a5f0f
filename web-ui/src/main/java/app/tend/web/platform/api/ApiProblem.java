package app.tend.web.platform.api;

/**
 * A problem answer from Tend's API, with words for the person in front of the screen.
 *
 * @param status the HTTP status
 * @param title a short heading
 * @param detail what happened and what to do next
 */
public record ApiProblem(int status, String title, String detail) {

  /** Thrown by {@link Gateway} so a view can show the problem's own words. */
  public static final class Exception extends RuntimeException {
    private final ApiProblem problem;

    public Exception(ApiProblem problem) {
      super(problem.title());
      this.problem = problem;
    }

    public ApiProblem problem() {
      return problem;
    }
  }
}
