package app.tend.notifications.platform.web;

/** A request that is well formed but asks for something that cannot be; its message is for a person. */
public class InvalidRequestException extends IllegalArgumentException {
  public InvalidRequestException(String message) {
    super(message);
  }
}
