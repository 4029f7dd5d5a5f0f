package app.tend.platform.web;

/** Answers 410: this existed and will not work again; title and message say what to do instead. */
public class GoneException extends RuntimeException {

  private final String title;

  public GoneException(String title, String detail) {
    super(detail);
    this.title = title;
  }

  public String title() {
    return title;
  }
}
