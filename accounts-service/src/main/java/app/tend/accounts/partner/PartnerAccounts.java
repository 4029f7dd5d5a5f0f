package app.tend.accounts.partner;

import app.tend.contracts.notification.NotificationType;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Partners' own rows: their settings and consent, and what an erasure leaves of them. */
@Repository
class PartnerAccounts {

  private final DatabaseClient database;

  PartnerAccounts(DatabaseClient database) {
    this.database = database;
  }

  /** A partner as their own requests reach them. */
  record Me(UUID id, UUID coupleId, UUID clinicId) {}

  /** The partner with this login in this clinic; empty for anyone else. */
  Mono<Me> find(UUID id, UUID clinicId) {
    return database.sql("select id, couple_id, clinic_id from partner where id = :id and clinic_id = :clinicId")
        .bind("id", id)
        .bind("clinicId", clinicId)
        .map(row -> new Me(row.get("id", UUID.class), row.get("couple_id", UUID.class), row.get("clinic_id", UUID.class)))
        .one();
  }

  Mono<PartnerSettings> settings(Me me) {
    return database.sql("select * from partner where id = :id and clinic_id = :clinicId")
        .bind("id", me.id())
        .bind("clinicId", me.clinicId())
        .map(PartnerAccounts::settingsOf)
        .one();
  }

  Mono<Void> changeSettings(Me me, String firstName, String lastName, PartnerDay day, Set<NotificationType> muted) {
    return database
        .sql(
            """
            update partner set first_name = :first, last_name = :last, time_zone = :zone, reminder_time = :reminder,
              quiet_hours_start = :quietStart, quiet_hours_end = :quietEnd, muted_notifications = :muted
            where id = :id and clinic_id = :clinicId
            """)
        .bind("first", firstName)
        .bind("last", lastName)
        .bind("zone", day.timeZone())
        .bind("reminder", day.reminderTime())
        .bind("quietStart", day.quietHoursStart())
        .bind("quietEnd", day.quietHoursEnd())
        .bind("muted", muted.stream().map(Enum::name).sorted().toArray(String[]::new))
        .bind("id", me.id())
        .bind("clinicId", me.clinicId())
        .then();
  }

  Mono<Void> changeConsent(Me me, boolean reflectionsVisibleToClinician) {
    return database
        .sql("update partner set reflections_visible_to_clinician = :visible, consented_at = now() where id = :id and clinic_id = :clinicId")
        .bind("visible", reflectionsVisibleToClinician)
        .bind("id", me.id())
        .bind("clinicId", me.clinicId())
        .then();
  }

  /** Their clinic's name and when they were invited and joined; empty fields when that invitation is gone. */
  Mono<PartnerAccountExport> account(Me me) {
    return database
        .sql(
            """
            select c.name as clinic_name, i.created_at as invited_at, i.accepted_at as joined_at
            from invitation i join clinic c on c.id = i.clinic_id where i.partner_id = :id and i.clinic_id = :clinicId
            """)
        .bind("id", me.id())
        .bind("clinicId", me.clinicId())
        .map(row -> new PartnerAccountExport(null, me.coupleId(), row.get("clinic_name", String.class),
            row.get("invited_at", Instant.class), row.get("joined_at", Instant.class)))
        .one()
        .defaultIfEmpty(new PartnerAccountExport(null, me.coupleId(), null, null, null));
  }

  /** The clinic's name and crisis contacts. */
  Mono<PartnerSupport> support(UUID clinicId) {
    return database
        .sql("select c.name, s.crisis_contacts from clinic c join clinic_settings s on s.clinic_id = c.id where c.id = :clinicId")
        .bind("clinicId", clinicId)
        .map(row -> new PartnerSupport(row.get("name", String.class), row.get("crisis_contacts", String.class)))
        .one();
  }

  /**
   * Erases the partner: their row goes, and the name and address on their invitations (the one they
   * joined with and any other to the same address in their couple) are blanked.
   *
   * @return their couple; empty when they are not a partner of this clinic
   */
  Mono<UUID> erase(UUID id, UUID clinicId) {
    return database
        .sql("delete from partner where id = :id and clinic_id = :clinicId returning couple_id")
        .bind("id", id)
        .bind("clinicId", clinicId)
        .map(row -> row.get("couple_id", UUID.class))
        .one()
        .flatMap(coupleId -> database
            .sql(
                """
                update invitation set email = 'erased-' || id, first_name = '', last_name = '', time_zone = 'Etc/UTC',
                  left_at = coalesce(left_at, now()), mail_last_error = null
                where partner_id = :id or (couple_id = :coupleId and email = (select email from invitation where partner_id = :id))
                """)
            .bind("id", id)
            .bind("coupleId", coupleId)
            .then()
            .thenReturn(coupleId));
  }

  private static PartnerSettings settingsOf(Readable row) {
    String[] muted = row.get("muted_notifications", String[].class);
    return new PartnerSettings(row.get("first_name", String.class), row.get("last_name", String.class), row.get("email", String.class),
        row.get("time_zone", String.class), row.get("reminder_time", LocalTime.class), row.get("quiet_hours_start", LocalTime.class),
        row.get("quiet_hours_end", LocalTime.class),
        muted == null ? Set.of() : Arrays.stream(muted).map(NotificationType::valueOf).collect(Collectors.toUnmodifiableSet()),
        Boolean.TRUE.equals(row.get("reflections_visible_to_clinician", Boolean.class)), row.get("consent_version", String.class),
        row.get("consented_at", Instant.class));
  }
}
