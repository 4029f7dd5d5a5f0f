package app.tend.accounts.invitation;

import app.tend.accounts.identity.PersonDetails;
import app.tend.contracts.accounts.PartnerInvited;
import app.tend.platform.outbox.Outbox;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Invitations as rows: issued with their event, and read back per couple. */
@Repository
public class Invitations {

  /** Columns and state of an invitation {@code i} with its partner {@code p}, for {@link #invitee}. */
  static final String INVITEE_COLUMNS =
      """
      i.id, i.partner_id, i.email, coalesce(p.first_name, i.first_name) as first_name,
      coalesce(p.last_name, i.last_name) as last_name, coalesce(p.time_zone, i.time_zone) as time_zone,
      case when i.left_at is not null then 'LEFT' when i.accepted_at is not null then 'ACCEPTED' when i.revoked_at is not null then 'REVOKED'
           when i.expires_at <= now() then 'EXPIRED' else 'OPEN' end as state,
      i.expires_at, i.mail_sent_at, (i.mail_sent_at is null and i.mail_last_error is not null) as mail_delayed
      """;

  private final DatabaseClient database;
  private final InvitationLinks links;
  private final InvitationSettings settings;
  private final Outbox outbox;
  private final Clock clock;

  Invitations(DatabaseClient database, InvitationLinks links, InvitationSettings settings, Outbox outbox, Clock clock) {
    this.database = database;
    this.links = links;
    this.settings = settings;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Issues an invitation and records {@code PartnerInvited}; the e-mail goes out from
   * {@link InvitationMailer} once the transaction this must run in has committed.
   */
  public Mono<UUID> issue(UUID clinicId, UUID coupleId, UUID invitedBy, PersonDetails person, String timeZone) {
    UUID id = UUID.randomUUID();
    Instant expiresAt = clock.instant().plus(settings.validFor());
    var normalised = person.normalised();
    return database
        .sql(
            """
            insert into invitation (id, clinic_id, couple_id, email, first_name, last_name, time_zone, invited_by, token_hash, expires_at)
            values (:id, :clinicId, :coupleId, :email, :first, :last, :zone, :invitedBy, :hash, :expiresAt)
            """)
        .bind("id", id)
        .bind("clinicId", clinicId)
        .bind("coupleId", coupleId)
        .bind("email", normalised.email())
        .bind("first", normalised.firstName())
        .bind("last", normalised.lastName())
        .bind("zone", timeZone)
        .bind("invitedBy", invitedBy)
        .bind("hash", links.hashOf(id))
        .bind("expiresAt", expiresAt)
        .then()
        .then(outbox.append(new PartnerInvited(coupleId, clinicId, id, expiresAt), clinicId, coupleId))
        .thenReturn(id);
  }

  /** The people of each couple: per address its latest invitation, and the partner who joined with it. */
  public Flux<CoupleInvitee> ofCouples(UUID clinicId, Collection<UUID> coupleIds) {
    if (coupleIds.isEmpty()) {
      return Flux.empty();
    }
    return database
        .sql(
            "select * from (select distinct on (i.couple_id, i.email) i.couple_id, i.created_at as invited_at, "
                + INVITEE_COLUMNS
                + """
                  from invitation i left join partner p on p.id = i.partner_id
                  where i.clinic_id = :clinicId and i.couple_id = any(:coupleIds)
                  order by i.couple_id, i.email, i.created_at desc
                ) latest order by couple_id, invited_at, email
                """)
        .bind("clinicId", clinicId)
        .bind("coupleIds", coupleIds.toArray(UUID[]::new))
        .map(row -> new CoupleInvitee(row.get("couple_id", UUID.class), invitee(row)))
        .all();
  }

  /** One invitation as its clinic sees it. */
  public Mono<Invitee> one(UUID clinicId, UUID invitationId) {
    return database
        .sql("select " + INVITEE_COLUMNS + " from invitation i left join partner p on p.id = i.partner_id where i.id = :id and i.clinic_id = :clinicId")
        .bind("id", invitationId)
        .bind("clinicId", clinicId)
        .map(Invitations::invitee)
        .one();
  }

  /** An invitee and their couple. */
  public record CoupleInvitee(UUID coupleId, Invitee invitee) {}

  /** The couple where {@code email} has a live or accepted invitation in this clinic, if any. */
  public Flux<UUID> couplesOf(UUID clinicId, List<String> emails) {
    return database
        .sql(
            """
            select distinct couple_id from invitation
            where clinic_id = :clinicId and email = any(:emails) and revoked_at is null
            """)
        .bind("clinicId", clinicId)
        .bind("emails", emails.toArray(String[]::new))
        .map(row -> row.get("couple_id", UUID.class))
        .all();
  }

  /** An invitation whose e-mail is due, with what the e-mail says. */
  record DueMail(UUID id, String email, String firstName, String timeZone, Instant expiresAt, int attempts,
      String clinicName, String invitedBy) {}

  /**
   * Invitations whose e-mail is due, at most 20 of active clinics, each claimed for {@code claim}
   * and its attempt counted.
   */
  Mono<List<DueMail>> claimMailsDue(Duration claim) {
    return database
        .sql(
            """
            with claimed as (
              update invitation set mail_attempts = mail_attempts + 1, mail_next_attempt_at = now() + make_interval(secs => :claimSeconds)
              where id in (select id from invitation
                           where mail_sent_at is null and accepted_at is null and revoked_at is null
                             and expires_at > now() and mail_next_attempt_at <= now()
                             and clinic_id in (select id from clinic where active)
                           order by mail_next_attempt_at limit 20 for update skip locked)
              returning id, clinic_id, invited_by, email, first_name, time_zone, expires_at, mail_attempts)
            select claimed.*, c.name as clinic_name, s.first_name || ' ' || s.last_name as invited_by_name
            from claimed join clinic c on c.id = claimed.clinic_id join staff s on s.id = claimed.invited_by
            """)
        .bind("claimSeconds", claim.toSeconds())
        .map(row -> new DueMail(row.get("id", UUID.class), row.get("email", String.class), row.get("first_name", String.class),
            row.get("time_zone", String.class), row.get("expires_at", Instant.class), row.get("mail_attempts", Integer.class),
            row.get("clinic_name", String.class), row.get("invited_by_name", String.class)))
        .all()
        .collectList();
  }

  Mono<Void> mailSent(UUID id) {
    return database.sql("update invitation set mail_sent_at = now(), mail_last_error = null where id = :id").bind("id", id).then();
  }

  /** The e-mail failed for {@code reason}; it is tried again after {@code pause}. */
  Mono<Void> mailFailed(UUID id, String reason, Duration pause) {
    return database.sql("update invitation set mail_last_error = :reason, mail_next_attempt_at = now() + make_interval(secs => :pause) where id = :id")
        .bind("reason", reason)
        .bind("pause", pause.toSeconds())
        .bind("id", id)
        .then();
  }

  /** An invitation as its link finds it, with its clinic and who invited. */
  record FoundInvitation(UUID clinicId, UUID coupleId, Instant acceptedAt, String clinicName, String invitedBy, Invitee invitee) {}

  /** The invitation whose link hashes to {@code tokenHash}. */
  Mono<FoundInvitation> byTokenHash(byte[] tokenHash) {
    return database
        .sql(
            "select i.clinic_id, i.couple_id, i.accepted_at, c.active as clinic_active, c.name as clinic_name, "
                + "s.first_name || ' ' || s.last_name as invited_by, "
                + INVITEE_COLUMNS
                + """
                  from invitation i join clinic c on c.id = i.clinic_id join staff s on s.id = i.invited_by
                  left join partner p on p.id = i.partner_id
                  where i.token_hash = :hash
                """)
        .bind("hash", tokenHash)
        .map(Invitations::found)
        .one();
  }

  /** An open invitation of a clinic that stopped using Tend counts as withdrawn. */
  private static FoundInvitation found(Readable row) {
    var invitee = invitee(row);
    if (invitee.state() == InvitationState.OPEN && !Boolean.TRUE.equals(row.get("clinic_active", Boolean.class))) {
      invitee = new Invitee(invitee.invitationId(), invitee.partnerId(), invitee.email(), invitee.firstName(), invitee.lastName(),
          invitee.timeZone(), InvitationState.REVOKED, invitee.expiresAt(), invitee.mailSentAt(), invitee.mailDelayed());
    }
    return new FoundInvitation(row.get("clinic_id", UUID.class), row.get("couple_id", UUID.class), row.get("accepted_at", Instant.class),
        row.get("clinic_name", String.class), row.get("invited_by", String.class), invitee);
  }

  /** Marks the invitation accepted by {@code partnerId}; false when it was withdrawn or expired meanwhile. */
  Mono<Boolean> accept(UUID id, UUID partnerId) {
    return database
        .sql(
            """
            update invitation set accepted_at = now(), partner_id = :partnerId
            where id = :id and accepted_at is null and revoked_at is null and expires_at > now()
            """)
        .bind("partnerId", partnerId)
        .bind("id", id)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }

  /** The partner who joined with the invitation, with the day and consent they chose. */
  Mono<Void> addPartner(UUID partnerId, FoundInvitation found, AcceptInvitationRequest request, String consentVersion) {
    return database
        .sql(
            """
            insert into partner (id, couple_id, clinic_id, email, first_name, last_name, time_zone, reminder_time,
                                 quiet_hours_start, quiet_hours_end, reflections_visible_to_clinician, consent_version, consented_at)
            values (:id, :coupleId, :clinicId, :email, :first, :last, :zone, :reminder, :quietStart, :quietEnd, :reflections, :consent, now())
            """)
        .bind("id", partnerId)
        .bind("coupleId", found.coupleId())
        .bind("clinicId", found.clinicId())
        .bind("email", found.invitee().email())
        .bind("first", request.firstName().strip())
        .bind("last", request.lastName().strip())
        .bind("zone", request.timeZone())
        .bind("reminder", request.reminderTime())
        .bind("quietStart", request.quietHoursStart())
        .bind("quietEnd", request.quietHoursEnd())
        .bind("reflections", request.reflectionsVisibleToClinician())
        .bind("consent", consentVersion)
        .then();
  }

  /** An invitation a caller may renew, locked for the renewal's transaction. */
  record Renewable(UUID coupleId, PersonDetails person, String timeZone, Instant acceptedAt) {}

  /** The clinic's invitation, when the caller may renew it: a clinic admin any, a clinician their own couples'. */
  Mono<Renewable> forRenewal(UUID id, UUID clinicId, boolean wholeClinic, UUID caller) {
    return database
        .sql(
            """
            select i.id, i.couple_id, i.email, i.first_name, i.last_name, i.time_zone, i.accepted_at
            from invitation i join couple c on c.id = i.couple_id
            where i.id = :id and i.clinic_id = :clinicId and (:wholeClinic or c.clinician_id = :caller)
            for update of i
            """)
        .bind("id", id)
        .bind("clinicId", clinicId)
        .bind("wholeClinic", wholeClinic)
        .bind("caller", caller)
        .map(row -> new Renewable(row.get("couple_id", UUID.class),
            new PersonDetails(row.get("email", String.class), row.get("first_name", String.class), row.get("last_name", String.class)),
            row.get("time_zone", String.class), row.get("accepted_at", Instant.class)))
        .one();
  }

  /** Withdraws the address's open invitations in the couple. */
  Mono<Void> revokeOpen(UUID coupleId, String email) {
    return database
        .sql("update invitation set revoked_at = now() where couple_id = :coupleId and email = :email and accepted_at is null and revoked_at is null")
        .bind("coupleId", coupleId)
        .bind("email", email)
        .then();
  }

  Mono<UUID> coupleOf(UUID invitationId) {
    return database.sql("select couple_id from invitation where id = :id").bind("id", invitationId)
        .map(row -> row.get("couple_id", UUID.class))
        .one();
  }

  static Invitee invitee(Readable row) {
    return new Invitee(
        row.get("id", UUID.class),
        row.get("partner_id", UUID.class),
        row.get("email", String.class),
        row.get("first_name", String.class),
        row.get("last_name", String.class),
        row.get("time_zone", String.class),
        InvitationState.valueOf(row.get("state", String.class)),
        row.get("expires_at", Instant.class),
        row.get("mail_sent_at", Instant.class),
        Boolean.TRUE.equals(row.get("mail_delayed", Boolean.class)));
  }
}
