package app.tend.platform.web;

/** Answers 503: something Tend depends on did not answer; the message says what to do. */
public class UnavailableException extends RuntimeException {

  public UnavailableException(String detail, Throwable cause) {
    super(detail, cause);
  }
}
