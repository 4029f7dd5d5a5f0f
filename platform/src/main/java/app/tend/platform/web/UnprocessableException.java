package app.tend.platform.web;

/** Answers 422: the request was well formed but cannot be done now; the message is for a person. */
public class UnprocessableException extends RuntimeException {

  private final String title;

  public UnprocessableException(String title, String detail) {
    super(detail);
    this.title = title;
  }

  public String title() {
    return title;
  }
}
