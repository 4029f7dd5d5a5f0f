package app.tend.platform.web;

/** Answers 400 with a detail written for a person: what to correct. */
public class InvalidRequestException extends IllegalArgumentException {

  public InvalidRequestException(String detail) {
    super(detail);
  }
}
