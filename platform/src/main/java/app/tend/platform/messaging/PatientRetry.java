package app.tend.platform.messaging;

import java.time.Duration;

/**
 * A failure that is worth waiting out for longer than the few quick retries before the dead-letter
 * topic: e.g. an event that arrived before the one it builds on, which a lagging consumer of another
 * topic is about to handle. Declared as a bean by the service that knows such a failure.
 *
 * @param cause the exception, anywhere in the chain of causes, that asks for patience
 * @param longestPause the longest pause between two tries
 * @param giveUpAfter how long to go on trying before the record goes to its dead-letter topic
 */
public record PatientRetry(Class<? extends Throwable> cause, Duration longestPause, Duration giveUpAfter) {

  boolean isCauseOf(Throwable failure) {
    for (Throwable link = failure; link != null; link = link.getCause()) {
      if (cause.isInstance(link)) {
        return true;
      }
    }
    return false;
  }
}
