package app.tend.accounts.partner;

import app.tend.accounts.identity.Logins;
import app.tend.accounts.identity.PersonDetails;
import app.tend.contracts.accounts.ConsentChanged;
import app.tend.contracts.accounts.PreferencesChanged;
import app.tend.contracts.notification.NotificationType;
import app.tend.platform.outbox.Outbox;
import app.tend.platform.outbox.Transactions;
import app.tend.platform.security.Caller;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A partner's own settings and consent. Only the partner reads and changes them; each change is
 * told to the other services in the same transaction (outbox), so it takes effect everywhere.
 */
@Service
public class PartnerSettingsService {

  private final DatabaseClient database;
  private final Logins logins;
  private final Outbox outbox;
  private final Transactions transactions;

  PartnerSettingsService(DatabaseClient database, Logins logins, Outbox outbox, Transactions transactions) {
    this.database = database;
    this.logins = logins;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  public Mono<PartnerSettings> get(Caller caller) {
    return partner(caller).flatMap(this::read);
  }

  /**
   * Changes profile, day and notification choices. A new name goes to Keycloak first (it may not
   * answer: then nothing changes); if storing then fails, the old name goes back.
   */
  public Mono<PartnerSettings> change(Caller caller, ChangeSettingsRequest request) {
    return partner(caller)
        .flatMap(me -> Mono.fromRunnable(() -> validate(request)).then(read(me)).flatMap(before -> {
          String first = request.firstName().strip();
          String last = request.lastName().strip();
          boolean renamed = !first.equals(before.firstName()) || !last.equals(before.lastName());
          Set<NotificationType> muted = request.mutedNotifications() == null || request.mutedNotifications().isEmpty()
              ? Set.of() : EnumSet.copyOf(request.mutedNotifications());
          Mono<Void> store = transactions.run(() -> database
                  .sql(
                      """
                      update partner set first_name = :first, last_name = :last, time_zone = :zone, reminder_time = :reminder,
                        quiet_hours_start = :quietStart, quiet_hours_end = :quietEnd, muted_notifications = :muted
                      where id = :id and clinic_id = :clinicId
                      """)
                  .bind("first", first)
                  .bind("last", last)
                  .bind("zone", request.timeZone())
                  .bind("reminder", request.reminderTime())
                  .bind("quietStart", request.quietHoursStart())
                  .bind("quietEnd", request.quietHoursEnd())
                  .bind("muted", muted.stream().map(Enum::name).sorted().toArray(String[]::new))
                  .bind("id", me.id())
                  .bind("clinicId", me.clinicId())
                  .then()
                  .then(outbox.append(new PreferencesChanged(me.coupleId(), me.clinicId(), me.id(), request.timeZone(),
                      request.reminderTime(), request.quietHoursStart(), request.quietHoursEnd(), muted), me.clinicId(), me.coupleId())))
              .then();
          if (!renamed) {
            return store;
          }
          return logins.rename(me.id(), first, last)
              .then(store.onErrorResume(e -> logins.rename(me.id(), before.firstName(), before.lastName()).then(Mono.error(e))));
        }).then(read(me)));
  }

  /** Changes what the clinician may see; every service holding it applies the change on the event. */
  public Mono<PartnerSettings> changeConsent(Caller caller, ChangeConsentRequest request) {
    return partner(caller).flatMap(me -> {
      if (request == null || request.reflectionsVisibleToClinician() == null) {
        PersonDetails.refuseUnless(List.of("whether your clinician may read your private reflections"));
      }
      boolean visible = request.reflectionsVisibleToClinician();
      return transactions.run(() -> database
              .sql("update partner set reflections_visible_to_clinician = :visible, consented_at = now() where id = :id and clinic_id = :clinicId")
              .bind("visible", visible)
              .bind("id", me.id())
              .bind("clinicId", me.clinicId())
              .then()
              .then(outbox.append(new ConsentChanged(me.coupleId(), me.clinicId(), me.id(), visible), me.clinicId(), me.coupleId())))
          .then(read(me));
    });
  }

  /** Everything accounts-service holds about the caller, for their download of all their data. */
  public Mono<PartnerAccountExport> export(Caller caller) {
    return partner(caller).flatMap(me -> read(me).zipWith(database
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
        .defaultIfEmpty(new PartnerAccountExport(null, me.coupleId(), null, null, null)),
        (settings, account) -> new PartnerAccountExport(settings, account.coupleId(), account.clinicName(), account.invitedAt(), account.joinedAt())));
  }

  /** The caller's clinic and its crisis contacts, for the support shown on the partner's own pages. */
  public Mono<PartnerSupport> support(Caller caller) {
    return partner(caller).flatMap(me -> database
        .sql("select c.name, s.crisis_contacts from clinic c join clinic_settings s on s.clinic_id = c.id where c.id = :clinicId")
        .bind("clinicId", me.clinicId())
        .map(row -> new PartnerSupport(row.get("name", String.class), row.get("crisis_contacts", String.class)))
        .one());
  }

  /** Who the caller is as a partner: their own row, in their own clinic; anyone else finds nothing. */
  private Mono<Me> partner(Caller caller) {
    return caller.clinicAs(Caller.PARTNER).flatMap(clinicId -> database
        .sql("select id, couple_id, clinic_id from partner where id = :id and clinic_id = :clinicId")
        .bind("id", caller.subject())
        .bind("clinicId", clinicId)
        .map(row -> new Me(row.get("id", UUID.class), row.get("couple_id", UUID.class), row.get("clinic_id", UUID.class)))
        .one()
        .switchIfEmpty(Mono.error(Caller::nothingHere)));
  }

  private record Me(UUID id, UUID coupleId, UUID clinicId) {}

  private Mono<PartnerSettings> read(Me me) {
    return database.sql("select * from partner where id = :id and clinic_id = :clinicId")
        .bind("id", me.id())
        .bind("clinicId", me.clinicId())
        .map(PartnerSettingsService::settings)
        .one();
  }

  private static PartnerSettings settings(Readable row) {
    String[] muted = row.get("muted_notifications", String[].class);
    return new PartnerSettings(row.get("first_name", String.class), row.get("last_name", String.class), row.get("email", String.class),
        row.get("time_zone", String.class), row.get("reminder_time", LocalTime.class), row.get("quiet_hours_start", LocalTime.class),
        row.get("quiet_hours_end", LocalTime.class),
        muted == null ? Set.of() : Arrays.stream(muted).map(NotificationType::valueOf).collect(Collectors.toUnmodifiableSet()),
        Boolean.TRUE.equals(row.get("reflections_visible_to_clinician", Boolean.class)), row.get("consent_version", String.class),
        row.get("consented_at", Instant.class));
  }

  private static void validate(ChangeSettingsRequest request) {
    if (request == null) {
      PersonDetails.refuseUnless(List.of("the settings are missing"));
    }
    List<String> problems = new ArrayList<>(PersonDetails.nameProblems(request.firstName(), request.lastName(), "your"));
    problems.addAll(request.day().problems());
    PersonDetails.refuseUnless(problems);
  }
}
