package app.tend.platform.web;

/**
 * Answers 404. Used for anything the caller may not reach as well as for what does not exist, so
 * that an id never confirms that something is there.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String detail) {
    super(detail);
  }
}
