package app.tend.accounts.platform.audit;

import app.tend.accounts.platform.security.Caller;
import app.tend.accounts.platform.web.RequestIds;
import java.util.Collection;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records each read of a couple's data by clinic staff. Callers write the record before they
 * answer, so a read that could not be recorded is not answered at all.
 */
@Component
public class AuditLog {

  private final DatabaseClient database;

  AuditLog(DatabaseClient database) {
    this.database = database;
  }

  /** Records that {@code caller} read {@code action} for each of {@code coupleIds}. */
  public Mono<Void> coupleDataRead(Caller caller, String action, Collection<UUID> coupleIds) {
    if (coupleIds.isEmpty()) {
      return Mono.empty();
    }
    return Mono.deferContextual(context -> {
      var insert = database
          .sql(
              """
              insert into audit_event (clinic_id, actor_id, actor_roles, action, couple_id, request_id, client_address)
              select :clinicId, :actorId, :roles, :action, couple_id, :requestId, :clientAddress from unnest(:coupleIds) as couple_id
              """)
          .bind("clinicId", caller.clinicId().orElseThrow())
          .bind("actorId", caller.subject())
          .bind("roles", String.join(",", new TreeSet<>(caller.roles()).stream().filter(Caller.TEND_ROLES::contains).toList()))
          .bind("action", action)
          .bind("coupleIds", coupleIds.toArray(UUID[]::new));
      String requestId = RequestIds.of(context);
      String clientAddress = RequestIds.clientAddressOf(context);
      insert = requestId == null ? insert.bindNull("requestId", String.class) : insert.bind("requestId", requestId);
      insert = clientAddress == null ? insert.bindNull("clientAddress", String.class) : insert.bind("clientAddress", clientAddress);
      return insert.then();
    });
  }
}
