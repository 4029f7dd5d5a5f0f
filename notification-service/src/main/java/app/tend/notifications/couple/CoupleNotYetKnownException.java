package app.tend.notifications.couple;

import java.util.UUID;

/**
 * A record about a couple whose enrolment has not reached this service yet: it travels on another
 * topic, and Kafka orders records only within one. Not a poison message, so it is retried for
 * a minute rather than seconds (see {@code TopicsConfiguration}); only a couple that never
 * arrives sends the record to the dead-letter topic.
 */
public final class CoupleNotYetKnownException extends IllegalStateException {

  public CoupleNotYetKnownException(UUID coupleId) {
    super("couple " + coupleId + " is not known here yet");
  }
}
