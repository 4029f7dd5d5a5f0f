package app.tend.platform.outbox;

import java.util.function.Supplier;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Runs work in one R2DBC transaction that a cancelled request cannot interrupt.
 *
 * <p>A client that disconnects cancels its request; if that cancellation reached a running
 * transaction it could race with the commit and leave a pooled connection inside an open
 * transaction (spring-framework issue 32115). The work is therefore subscribed on its own and runs
 * to commit or rollback whatever the caller does; the caller only stops waiting.
 */
public class Transactions {

  private final TransactionalOperator operator;

  Transactions(TransactionalOperator operator) {
    this.operator = operator;
  }

  public <T> Mono<T> run(Supplier<Mono<T>> work) {
    return Mono.deferContextual(
        context ->
            Mono.fromFuture(
                () -> operator.transactional(Mono.defer(work)).contextWrite(context).toFuture(), true));
  }
}
