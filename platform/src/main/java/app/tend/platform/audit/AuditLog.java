package app.tend.platform.audit;

import app.tend.platform.security.Caller;
import app.tend.platform.web.RequestIds;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Records each read of a couple's data by clinic staff. Callers write the record before they
 * answer, so a read that could not be recorded is not answered at all.
 */
public class AuditLog {

  private final DatabaseClient database;

  AuditLog(DatabaseClient database) {
    this.database = database;
  }

  /** Records that {@code caller} read {@code action} of the couple {@code coupleId} in {@code clinicId}. */
  public Mono<Void> coupleDataRead(Caller caller, UUID clinicId, String action, UUID coupleId) {
    return couplesDataRead(caller, clinicId, action, List.of(coupleId));
  }

  /** As {@link #coupleDataRead}, for each of {@code coupleIds} read in one answer, in one statement. */
  public Mono<Void> couplesDataRead(Caller caller, UUID clinicId, String action, List<UUID> coupleIds) {
    if (coupleIds.isEmpty()) {
      return Mono.empty();
    }
    return Mono.deferContextual(context -> {
      var insert = database
          .sql(
              """
              insert into audit_event (clinic_id, actor_id, actor_roles, action, couple_id, request_id, client_address)
              select :clinicId, :actorId, :roles, :action, couple_id, :requestId, :clientAddress from unnest(:coupleIds::uuid[]) as couple_id
              """)
          .bind("clinicId", clinicId)
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
