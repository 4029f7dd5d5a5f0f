package app.tend.checkins.platform.web;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means that a server this service stands on (its database, mostly) is away for
 * now, rather than a fault in the request or the code. A caller is then told to try again (503),
 * and a consumed event waits for the server instead of going to its dead-letter topic.
 */
public final class DependencyOutage {

  private static final List<Class<? extends Throwable>> SIGNS = List.of(
      DataAccessResourceFailureException.class, TransientDataAccessException.class, CannotCreateTransactionException.class,
      R2dbcTransientException.class, R2dbcNonTransientResourceException.class, ConnectException.class, TimeoutException.class);

  private DependencyOutage() {}

  public static boolean isCause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      for (var sign : SIGNS) {
        if (sign.isInstance(cause)) {
          return true;
        }
      }
    }
    return false;
  }
}
