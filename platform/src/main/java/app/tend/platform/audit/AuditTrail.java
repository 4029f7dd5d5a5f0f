package app.tend.platform.audit;

import app.tend.platform.security.Caller;
import app.tend.platform.web.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The clinic admin's view of a service's audit log (accounts-service: reads of couples' names,
 * e-mails and invitations; checkin-service: of their practice data): who, what, when and from where,
 * for their own clinic only, newest first and a page at a time.
 */
public class AuditTrail {

  /** Most entries one page answers. */
  static final int MAX_PAGE = 500;
  /** How far back a search looks when it does not say. */
  static final Duration DEFAULT_SPAN = Duration.ofDays(30);

  private final DatabaseClient database;
  private final Clock clock;

  AuditTrail(DatabaseClient database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /**
   * What to search for; every part may be left out.
   *
   * @param actorId who read (a clinician or admin)
   * @param coupleId whose data
   * @param since from this instant (default: 30 days before {@code until})
   * @param until before this instant (default: now)
   * @param before only entries older than this entry id, for the next page
   * @param limit how many (1–500, default 100)
   */
  public record Search(UUID actorId, UUID coupleId, Instant since, Instant until, Long before, Integer limit) {}

  /**
   * @param id the entry, for paging
   * @param at when
   * @param actorId who read
   * @param actorRoles their roles at the time
   * @param action what they read
   * @param coupleId whose data
   * @param clientAddress from where, as the gateway saw it; null for entries before it was recorded
   * @param requestId the request, which leads to its log lines
   */
  public record Entry(long id, Instant at, UUID actorId, String actorRoles, String action, UUID coupleId, String clientAddress,
               String requestId) {}

  /**
   * @param entries newest first
   * @param nextBefore pass as {@code before} for the next page; null when this was the last
   */
  public record Page(List<Entry> entries, Long nextBefore) {}

  public Mono<Page> search(Caller caller, Search search) {
    return caller.clinicAs(Caller.CLINIC_ADMIN).flatMap(clinicId -> search(clinicId, search));
  }

  private Mono<Page> search(UUID clinicId, Search search) {
    Instant until = search.until() == null ? clock.instant() : search.until();
    Instant since = search.since() == null ? until.minus(DEFAULT_SPAN) : search.since();
    int limit = search.limit() == null ? 100 : search.limit();
    if (limit < 1 || limit > MAX_PAGE) {
      return Mono.error(new InvalidRequestException("Please check: limit is from 1 to " + MAX_PAGE + "."));
    }
    if (!since.isBefore(until)) {
      return Mono.error(new InvalidRequestException("Please check: since must be before until."));
    }
    var query = database
        .sql(
            """
            select id, at, actor_id, actor_roles, action, couple_id, client_address, request_id from audit_event
            where clinic_id = :clinicId and at >= :since and at < :until
              and (cast(:actorId as uuid) is null or actor_id = :actorId)
              and (cast(:coupleId as uuid) is null or couple_id = :coupleId)
              and (cast(:before as bigint) is null or id < :before)
            order by id desc
            limit :limit
            """)
        .bind("clinicId", clinicId)
        .bind("since", since.atOffset(ZoneOffset.UTC))
        .bind("until", until.atOffset(ZoneOffset.UTC))
        .bind("limit", limit + 1);
    query = search.actorId() == null ? query.bindNull("actorId", UUID.class) : query.bind("actorId", search.actorId());
    query = search.coupleId() == null ? query.bindNull("coupleId", UUID.class) : query.bind("coupleId", search.coupleId());
    query = search.before() == null ? query.bindNull("before", Long.class) : query.bind("before", search.before());
    return query
        .map(row -> new Entry(row.get("id", Long.class), row.get("at", OffsetDateTime.class).toInstant(),
            row.get("actor_id", UUID.class), row.get("actor_roles", String.class), row.get("action", String.class),
            row.get("couple_id", UUID.class), row.get("client_address", String.class), row.get("request_id", String.class)))
        .all()
        .collectList()
        .map(rows -> rows.size() > limit
            ? new Page(rows.subList(0, limit), rows.get(limit - 1).id())
            : new Page(rows, null));
  }
}
