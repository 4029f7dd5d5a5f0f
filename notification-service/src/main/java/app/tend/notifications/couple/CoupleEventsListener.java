package app.tend.notifications.couple;

import app.tend.contracts.EventCodec;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.ClinicianAssigned;
import app.tend.contracts.accounts.CoupleEnrolled;
import app.tend.contracts.accounts.PartnerErased;
import app.tend.contracts.accounts.PartnerJoined;
import app.tend.contracts.accounts.PreferencesChanged;
import app.tend.notifications.email.EmailPreferences;
import app.tend.notifications.feed.Feed;
import app.tend.notifications.feed.NotificationKind;
import app.tend.notifications.reminder.Reminders;
import app.tend.platform.inbox.ProcessedEvents;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps who is in which couple, who their clinician is and how each partner's day goes, from
 * accounts-service's events: enough to find "the other partner", to remind each one at their time,
 * and to tell the clinician when a partner leaves.
 */
@Component
class CoupleEventsListener {

  private final EventCodec codec;
  private final DatabaseClient database;
  private final ProcessedEvents processed;
  private final Feed feed;
  private final Reminders reminders;
  private final EmailPreferences emailPreferences;

  CoupleEventsListener(EventCodec codec, DatabaseClient database, ProcessedEvents processed, Feed feed, Reminders reminders,
      EmailPreferences emailPreferences) {
    this.feed = feed;
    this.emailPreferences = emailPreferences;
    this.reminders = reminders;
    this.codec = codec;
    this.database = database;
    this.processed = processed;
  }

  @KafkaListener(topics = Topics.ACCOUNTS_COUPLE)
  void on(ConsumerRecord<String, byte[]> record) {
    var envelope = codec.fromJson(record.value());
    Mono<Void> projection;
    if (CoupleEnrolled.class.getSimpleName().equals(envelope.eventType())) {
      var enrolled = codec.payload(envelope, CoupleEnrolled.class);
      projection = clinicianOf(enrolled.coupleId(), enrolled.clinicId(), enrolled.clinicianId());
    } else if (ClinicianAssigned.class.getSimpleName().equals(envelope.eventType())) {
      var assigned = codec.payload(envelope, ClinicianAssigned.class);
      projection = clinicianOf(assigned.coupleId(), assigned.clinicId(), assigned.clinicianId());
    } else if (PartnerErased.class.getSimpleName().equals(envelope.eventType())) {
      projection = erased(codec.payload(envelope, PartnerErased.class), envelope.eventId());
    } else if (PartnerJoined.class.getSimpleName().equals(envelope.eventType())) {
      projection = joined(codec.payload(envelope, PartnerJoined.class));
    } else if (PreferencesChanged.class.getSimpleName().equals(envelope.eventType())) {
      projection = changed(codec.payload(envelope, PreferencesChanged.class));
    } else {
      return;
    }
    processed.once(envelope, "projected", () -> projection);
  }

  private Mono<Void> clinicianOf(UUID coupleId, UUID clinicId, UUID clinicianId) {
    return database
        .sql(
            """
            insert into couple_clinician (couple_id, clinic_id, clinician_id) values (:coupleId, :clinicId, :clinicianId)
            on conflict (couple_id) do update set clinician_id = excluded.clinician_id
            """)
        .bind("coupleId", coupleId)
        .bind("clinicId", clinicId)
        .bind("clinicianId", clinicianId)
        .then();
  }

  /**
   * A partner left: their notifications and their place in the couple go, and the couple's
   * clinician is told that someone left (not who said what, nor why).
   */
  private Mono<Void> erased(PartnerErased erased, UUID eventId) {
    Mono<Void> tellClinician = database
        .sql("select clinician_id from couple_clinician where couple_id = :coupleId and clinic_id = :clinicId")
        .bind("coupleId", erased.coupleId())
        .bind("clinicId", erased.clinicId())
        .map(row -> row.get("clinician_id", UUID.class))
        .one()
        .flatMap(clinician -> feed.create(clinician, erased.clinicId(), NotificationKind.PARTNER_LEFT, eventId))
        .then();
    return feed.eraseAllOf(erased.partnerId())
        .then(reminders.erase(erased.partnerId()))
        .then(emailPreferences.eraseAllOf(erased.partnerId()))
        .then(database.sql("delete from couple_member where partner_id = :partnerId and clinic_id = :clinicId")
            .bind("partnerId", erased.partnerId())
            .bind("clinicId", erased.clinicId())
            .then())
        .then(tellClinician);
  }

  private Mono<Void> changed(PreferencesChanged changed) {
    return database
        .sql(
            """
            update couple_member set time_zone = :zone, reminder_time = :reminder, quiet_hours_start = :quietStart,
              quiet_hours_end = :quietEnd, muted_notifications = :muted
            where partner_id = :partnerId and clinic_id = :clinicId
            """)
        .bind("zone", changed.timeZone())
        .bind("reminder", changed.reminderTime())
        .bind("quietStart", changed.quietHoursStart())
        .bind("quietEnd", changed.quietHoursEnd())
        .bind("muted", changed.mutedNotifications().stream().map(Enum::name).sorted().toArray(String[]::new))
        .bind("partnerId", changed.partnerId())
        .bind("clinicId", changed.clinicId())
        .fetch()
        .rowsUpdated()
        // Same topic and key as PartnerJoined, so the partner is known unless something is badly wrong.
        .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : Mono.error(new IllegalStateException("preferences of a partner not known here")))
        // A new time zone or reminder time applies from the next reminder on, not after the old one.
        .then(reminders.reschedule(changed.partnerId(), Instant.now()));
  }

  private Mono<Void> joined(PartnerJoined joined) {
    return database
        .sql(
            """
            insert into couple_member (partner_id, couple_id, clinic_id, time_zone, reminder_time, quiet_hours_start, quiet_hours_end)
            values (:partnerId, :coupleId, :clinicId, :zone, :reminder, :quietStart, :quietEnd)
            on conflict (partner_id) do update set couple_id = excluded.couple_id, clinic_id = excluded.clinic_id,
              time_zone = excluded.time_zone, reminder_time = excluded.reminder_time,
              quiet_hours_start = excluded.quiet_hours_start, quiet_hours_end = excluded.quiet_hours_end
            """)
        .bind("partnerId", joined.partnerId())
        .bind("coupleId", joined.coupleId())
        .bind("clinicId", joined.clinicId())
        .bind("zone", joined.timeZone())
        .bind("reminder", joined.reminderTime())
        .bind("quietStart", joined.quietHoursStart())
        .bind("quietEnd", joined.quietHoursEnd())
        .then()
        .then(reminders.reschedule(joined.partnerId(), Instant.now()));
  }
}
