package app.tend.platform.web;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means that the database is away for now, rather than a fault in the request or
 * the code. A caller is then told to try again (503), and a consumed event waits for the database
 * instead of going to its dead-letter topic.
 *
 * <p>Spring reports most PostgreSQL errors as a resource failure, a trigger's exception as much as
 * a lost connection, so the SQLSTATE decides: class 08 (connection), 57P (shut down, starting up)
 * and 53 (out of resources) are outages; an error without one is when the driver lost or never had
 * its connection.
 */
public final class DependencyOutage {

  private DependencyOutage() {}

  public static boolean isCause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof R2dbcException database) {
        String state = database.getSqlState();
        if (state != null) {
          return state.startsWith("08") || state.startsWith("57P") || state.startsWith("53");
        }
        if (database instanceof R2dbcNonTransientResourceException || database instanceof R2dbcTransientResourceException) {
          return true;
        }
      }
      if (cause instanceof ConnectException || cause instanceof ClosedChannelException || cause instanceof TimeoutException
          || cause instanceof CannotCreateTransactionException) {
        return true;
      }
    }
    return false;
  }
}
