package app.tend.platform.web;

/** Answers 409: what was asked clashes with something that exists; the message is for a person. */
public class ConflictException extends RuntimeException {

  public ConflictException(String detail) {
    super(detail);
  }
}
