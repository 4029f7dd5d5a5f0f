package app.tend.checkins.safety;

import app.tend.checkins.couple.Partner;
import app.tend.checkins.couple.Partners;
import app.tend.contracts.TendEvent;
import app.tend.contracts.checkin.SafetyConcernRaised;
import app.tend.contracts.checkin.SafetyFlagAcknowledged;
import app.tend.contracts.checkin.SafetyFlagResolved;
import app.tend.platform.audit.AuditLog;
import app.tend.platform.outbox.Outbox;
import app.tend.platform.outbox.Transactions;
import app.tend.platform.security.Caller;
import app.tend.platform.web.InvalidRequestException;
import app.tend.platform.web.NotFoundException;
import app.tend.platform.web.UnprocessableException;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * "I don't feel safe": a partner raises a flag that only clinic staff learn of, at once, through
 * the outbox. Nothing the other partner can reach reads the flags, and the partner who raised it gets
 * the same plain answer whatever happened, so their own screen gives nothing away either.
 */
@Service
public class SafetyConcerns {

  private static final Logger log = LoggerFactory.getLogger(SafetyConcerns.class);

  /** A second tap within this time is the same concern, not a new one. */
  static final Duration SAME_CONCERN = Duration.ofMinutes(2);

  private final DatabaseClient database;
  private final Partners partners;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Clock clock;
  private final AuditLog audit;

  SafetyConcerns(DatabaseClient database, Partners partners, Outbox outbox, Transactions transactions, Clock clock, AuditLog audit) {
    this.audit = audit;
    this.database = database;
    this.partners = partners;
    this.outbox = outbox;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Raises a flag for the calling partner and records {@code SafetyConcernRaised} with it. */
  public Mono<Void> raise(Caller caller) {
    return partners.callerAsPartner(caller).flatMap(this::raise);
  }

  private Mono<Void> raise(Partner partner) {
    Instant now = clock.instant();
    UUID flagId = UUID.randomUUID();
    // Two quick taps in two requests make one flag: the second waits for the first's lock, and its
    // insert (a statement of its own, so it sees what the first committed) finds the fresh flag.
    return transactions.run(() -> database
            .sql("select pg_advisory_xact_lock(hashtext(:partnerText))")
            .bind("partnerText", partner.partnerId().toString())
            .then()
            .then(database.sql(
                """
                insert into safety_flag (id, clinic_id, couple_id, partner_id, raised_at)
                select :id, :clinicId, :coupleId, :partnerId, :now
                where not exists (select 1 from safety_flag where partner_id = :partnerId and raised_at > :since)
                """)
            .bind("id", flagId)
            .bind("clinicId", partner.clinicId())
            .bind("coupleId", partner.coupleId())
            .bind("partnerId", partner.partnerId())
            .bind("now", now.atOffset(ZoneOffset.UTC))
            .bind("since", now.minus(SAME_CONCERN).atOffset(ZoneOffset.UTC))
            .fetch()
            .rowsUpdated())
            .flatMap(rows -> rows == 0
                ? Mono.just(false)
                : outbox.append(new SafetyConcernRaised(flagId, partner.coupleId(), partner.partnerId(), now),
                    partner.clinicId(), partner.coupleId()).thenReturn(true)))
        // Ids only; whether it was a repeat tells ops why no new flag appeared. Logged in handle, where
        // the request's trace and request ids are on the thread.
        .handle((raised, nothing) ->
            log.info("safety concern in couple {}: {}", partner.coupleId(), raised ? "flag " + flagId + " raised" : "repeat"));
  }

  /** The couple's safety flags, newest first, for the clinician assigned to it; audited. */
  public Flux<SafetyFlagView> flagsOf(Caller caller, UUID coupleId) {
    return partners.assignedToCaller(caller, coupleId, "safety-flags.list")
        .flatMapMany(couple -> database
            .sql("select * from safety_flag where couple_id = :coupleId and clinic_id = :clinicId order by raised_at desc")
            .bind("coupleId", coupleId)
            .bind("clinicId", couple.clinicId())
            .map(SafetyConcerns::view)
            .all());
  }

  private static SafetyFlagView view(Readable row) {
    Instant acknowledged = instant(row, "acknowledged_at");
    Instant resolved = instant(row, "resolved_at");
    var state = resolved != null ? SafetyFlagView.State.RESOLVED
        : acknowledged != null ? SafetyFlagView.State.ACKNOWLEDGED : SafetyFlagView.State.OPEN;
    return new SafetyFlagView(row.get("id", UUID.class), row.get("partner_id", UUID.class), instant(row, "raised_at"), state,
        acknowledged, row.get("acknowledged_by", UUID.class), row.get("acknowledgement", String.class), resolved,
        row.get("resolved_by", UUID.class), row.get("resolution", String.class));
  }

  private static Instant instant(Readable row, String column) {
    OffsetDateTime value = row.get(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** The assigned clinician acknowledges an open flag with a note; answers the flag as it now stands. */
  public Mono<SafetyFlagView> acknowledge(Caller caller, UUID coupleId, UUID flagId, String note) {
    return handle(caller, coupleId, flagId, note, "safety-flags.acknowledge",
        """
        update safety_flag set acknowledged_at = :now, acknowledged_by = :staff, acknowledgement = :note
        where id = :id and couple_id = :coupleId and acknowledged_at is null
        """,
        (flag, at) -> new SafetyFlagAcknowledged(flagId, coupleId, caller.subject(), at),
        new UnprocessableException("Already acknowledged", "This flag has been acknowledged already; you can resolve it."));
  }

  /** The assigned clinician resolves an acknowledged flag with a note; the history stays. */
  public Mono<SafetyFlagView> resolve(Caller caller, UUID coupleId, UUID flagId, String note) {
    return handle(caller, coupleId, flagId, note, "safety-flags.resolve",
        """
        update safety_flag set resolved_at = :now, resolved_by = :staff, resolution = :note
        where id = :id and couple_id = :coupleId and acknowledged_at is not null and resolved_at is null
        """,
        (flag, at) -> new SafetyFlagResolved(flagId, coupleId, caller.subject(), at),
        new UnprocessableException("Not ready to resolve", "A flag is acknowledged first, and resolved once; this one is not open to that."));
  }

  private Mono<SafetyFlagView> handle(Caller caller, UUID coupleId, UUID flagId, String note, String action, String sql,
      BiFunction<UUID, Instant, TendEvent> event, UnprocessableException refusal) {
    String words = note == null ? "" : note.strip();
    if (words.isEmpty() || words.length() > 2000) {
      return Mono.error(new InvalidRequestException("Please check: a note of 1 to 2000 characters says what was done."));
    }
    return partners.assignedToCaller(caller, coupleId, action).flatMap(couple -> transactions.run(() -> {
      Instant now = clock.instant();
      return database.sql(sql)
          .bind("now", now.atOffset(ZoneOffset.UTC))
          .bind("staff", caller.subject())
          .bind("note", words)
          .bind("id", flagId)
          .bind("coupleId", coupleId)
          .fetch()
          .rowsUpdated()
          .flatMap(rows -> rows == 1
              ? outbox.append(event.apply(flagId, now), couple.clinicId(), coupleId).then()
              : database.sql("select count(*) from safety_flag where id = :id and couple_id = :coupleId")
                  .bind("id", flagId).bind("coupleId", coupleId)
                  .map(row -> row.get(0, Long.class)).one()
                  .flatMap(found -> Mono.error(found == 0 ? new NotFoundException("There is no flag here with that id.") : refusal)));
    })).then(database.sql("select * from safety_flag where id = :id").bind("id", flagId).map(SafetyConcerns::view).one());
  }

  /**
   * The couples assigned to the calling clinician that have safety flags not yet resolved, latest first, so the
   * caseload can put them on top; each couple listed is audited as read.
   */
  public Flux<CoupleSafety> onCaseload(Caller caller) {
    if (!caller.has(Caller.CLINICIAN) || caller.clinicId().isEmpty()) {
      return Flux.error(new NotFoundException("There is nothing here for you."));
    }
    UUID clinicId = caller.clinicId().get();
    return database
        .sql(
            """
            select f.couple_id, count(*) as flags, count(*) filter (where f.acknowledged_at is null) as unacknowledged,
                   max(f.raised_at) as last_raised_at
            from safety_flag f join couple c on c.couple_id = f.couple_id and c.clinic_id = f.clinic_id
            where c.clinic_id = :clinicId and c.clinician_id = :clinicianId and f.resolved_at is null
            group by f.couple_id
            order by last_raised_at desc
            """)
        .bind("clinicId", clinicId)
        .bind("clinicianId", caller.subject())
        .map(row -> new CoupleSafety(row.get("couple_id", UUID.class), row.get("flags", Long.class), row.get("unacknowledged", Long.class),
            row.get("last_raised_at", OffsetDateTime.class).toInstant()))
        .all()
        .concatMap(couple -> audit.coupleDataRead(caller, clinicId, "safety-flags.caseload", couple.coupleId()).thenReturn(couple));
  }
}
