package app.tend.checkins.couple;

import app.tend.checkins.checkin.CheckinErasure;
import app.tend.checkins.commitment.DueCommitments;
import app.tend.contracts.EventCodec;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.ClinicianAssigned;
import app.tend.contracts.accounts.ConsentChanged;
import app.tend.contracts.accounts.CoupleEnrolled;
import app.tend.contracts.accounts.PartnerErased;
import app.tend.contracts.accounts.PartnerJoined;
import app.tend.contracts.accounts.PreferencesChanged;
import app.tend.platform.inbox.ProcessedEvents;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps the local projection of couples and partners from accounts-service's events. */
@Component
class CoupleEventsListener {

  private final EventCodec codec;
  private final DatabaseClient database;
  private final ProcessedEvents processed;
  private final CheckinErasure erasure;
  private final DueCommitments dueCommitments;

  CoupleEventsListener(
      EventCodec codec, DatabaseClient database, ProcessedEvents processed, CheckinErasure erasure,
      DueCommitments dueCommitments) {
    this.erasure = erasure;
    this.dueCommitments = dueCommitments;
    this.codec = codec;
    this.database = database;
    this.processed = processed;
  }

  @KafkaListener(topics = Topics.ACCOUNTS_COUPLE)
  void on(ConsumerRecord<String, byte[]> record) {
    var envelope = codec.fromJson(record.value());
    Mono<Void> projection;
    if (CoupleEnrolled.class.getSimpleName().equals(envelope.eventType())) {
      projection = enrolled(codec.payload(envelope, CoupleEnrolled.class));
    } else if (PartnerJoined.class.getSimpleName().equals(envelope.eventType())) {
      var joined = codec.payload(envelope, PartnerJoined.class);
      ZoneId.of(joined.timeZone()); // refuses an unknown zone before writing
      projection = joined(joined, envelope.occurredAt());
    } else if (PreferencesChanged.class.getSimpleName().equals(envelope.eventType())) {
      var changed = codec.payload(envelope, PreferencesChanged.class);
      ZoneId.of(changed.timeZone());
      projection = update("update partner set time_zone = :value where partner_id = :partnerId and clinic_id = :clinicId",
          changed.timeZone(), changed.partnerId(), changed.clinicId())
          .then(dueCommitments.rescheduleFor(changed.partnerId(), ZoneId.of(changed.timeZone())));
    } else if (ConsentChanged.class.getSimpleName().equals(envelope.eventType())) {
      var changed = codec.payload(envelope, ConsentChanged.class);
      projection = update("update partner set reflections_visible_to_clinician = :value where partner_id = :partnerId and clinic_id = :clinicId",
          changed.reflectionsVisibleToClinician(), changed.partnerId(), changed.clinicId());
    } else if (ClinicianAssigned.class.getSimpleName().equals(envelope.eventType())) {
      var assigned = codec.payload(envelope, ClinicianAssigned.class);
      projection = database.sql("update couple set clinician_id = :clinicianId where couple_id = :coupleId and clinic_id = :clinicId")
          .bind("clinicianId", assigned.clinicianId())
          .bind("coupleId", assigned.coupleId())
          .bind("clinicId", assigned.clinicId())
          .then();
    } else if (PartnerErased.class.getSimpleName().equals(envelope.eventType())) {
      var erased = codec.payload(envelope, PartnerErased.class);
      projection = erasure.eraseAllOf(erased.partnerId())
          .then(database.sql("delete from partner where partner_id = :partnerId and clinic_id = :clinicId")
              .bind("partnerId", erased.partnerId())
              .bind("clinicId", erased.clinicId())
              .then());
    } else {
      return; // other event types are for other consumers until this one needs them
    }
    processed.once(envelope, "updated the couple as this service knows it", () -> projection);
  }

  private Mono<Void> enrolled(CoupleEnrolled enrolled) {
    return database
        .sql(
            """
            insert into couple (couple_id, clinic_id, clinician_id) values (:coupleId, :clinicId, :clinicianId)
            on conflict (couple_id) do update set clinician_id = excluded.clinician_id
            """)
        .bind("coupleId", enrolled.coupleId())
        .bind("clinicId", enrolled.clinicId())
        .bind("clinicianId", enrolled.clinicianId())
        .then();
  }

  /** One partner's row changes; the partner joined earlier on the same topic and key, so it exists. */
  private Mono<Void> update(String sql, Object value, UUID partnerId, UUID clinicId) {
    return database.sql(sql)
        .bind("value", value)
        .bind("partnerId", partnerId)
        .bind("clinicId", clinicId)
        .fetch()
        .rowsUpdated()
        .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : Mono.error(new IllegalStateException("a change for a partner not known here")));
  }

  private Mono<Void> joined(PartnerJoined joined, Instant at) {
    return database
        .sql(
            """
            insert into partner (partner_id, couple_id, clinic_id, time_zone, reflections_visible_to_clinician, joined_at)
            values (:partnerId, :coupleId, :clinicId, :timeZone, :reflections, :joinedAt)
            on conflict (partner_id) do update
              set time_zone = excluded.time_zone, reflections_visible_to_clinician = excluded.reflections_visible_to_clinician,
                  joined_at = coalesce(partner.joined_at, excluded.joined_at)
            """)
        .bind("joinedAt", at.atOffset(java.time.ZoneOffset.UTC))
        .bind("partnerId", joined.partnerId())
        .bind("coupleId", joined.coupleId())
        .bind("clinicId", joined.clinicId())
        .bind("timeZone", joined.timeZone())
        .bind("reflections", joined.reflectionsVisibleToClinician())
        .then();
  }
}
