package app.tend.checkins.checkin;

import app.tend.checkins.couple.Partner;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Check-in rows. One per partner per local day, enforced by a unique key. */
@Repository
class CheckinRepository {

  static final String COLUMNS =
      "id, local_date, follow_through, empathic_listening, honesty, mattering, connected, appreciation, private_reflection,"
          + " submitted_at, updated_at";

  private final DatabaseClient database;

  CheckinRepository(DatabaseClient database) {
    this.database = database;
  }

  /** What an upsert did: created the day's row, changed it, or found it already as asked. */
  enum Outcome { CREATED, REVISED, UNCHANGED }

  /**
   * @param appreciationAdded whether this save put an appreciation on a day that had none; the
   *     other partner hears of that
   * @param standing the partner's trend standing with this day's answers in it; null when nothing
   *     changed
   */
  record Saved(CheckinView checkin, Outcome outcome, boolean appreciationAdded, TrendAlerts.Standing standing) {}

  /**
   * Stores the day's answers: inserts the day's check-in, or updates it when the answers differ. A
   * resubmission of the same answers changes nothing. The same statement reads the partner's trend
   * standing on the days before ({@link TrendAlerts#STANDING_BEFORE}), which the saved day completes.
   */
  Mono<Saved> upsert(
      UUID clinicId, UUID coupleId, UUID partnerId, LocalDate day, CheckinAnswers answers, CheckinTexts texts, Instant now) {
    var upsert = database
        .sql(
            """
            with before as (select appreciation from checkin where partner_id = :partnerId and local_date = :day),
            saved as (
            insert into checkin (id, clinic_id, couple_id, partner_id, local_date,
                                 follow_through, empathic_listening, honesty, mattering, connected,
                                 appreciation, private_reflection, submitted_at, updated_at)
            values (:id, :clinicId, :coupleId, :partnerId, :day, :followThrough, :empathicListening, :honesty, :mattering,
                    :connected, :appreciation, :privateReflection, :now, :now)
            on conflict (partner_id, local_date) do update set
                follow_through = excluded.follow_through, empathic_listening = excluded.empathic_listening,
                honesty = excluded.honesty, mattering = excluded.mattering, connected = excluded.connected,
                appreciation = excluded.appreciation, private_reflection = excluded.private_reflection,
                updated_at = excluded.updated_at
            where (checkin.follow_through, checkin.empathic_listening, checkin.honesty, checkin.mattering, checkin.connected,
                   checkin.appreciation, checkin.private_reflection)
                is distinct from
                  (excluded.follow_through, excluded.empathic_listening, excluded.honesty, excluded.mattering, excluded.connected,
                   excluded.appreciation, excluded.private_reflection)
            returning %s, (xmax = 0) as created, (select appreciation from before) as appreciation_before)
            select saved.*, standing.* from saved cross join (%s) standing
            """.formatted(COLUMNS, TrendAlerts.STANDING_BEFORE))
        .bind("id", UUID.randomUUID())
        .bind("clinicId", clinicId)
        .bind("coupleId", coupleId)
        .bind("partnerId", partnerId)
        .bind("day", day)
        .bind("monthFrom", day.minusDays(CheckinTrends.DAYS - 1L))
        .bind("followThrough", (short) answers.followThrough())
        .bind("empathicListening", (short) answers.empathicListening())
        .bind("honesty", (short) answers.honesty())
        .bind("mattering", (short) answers.mattering())
        .bind("connected", (short) answers.connected())
        .bind("now", now.atOffset(ZoneOffset.UTC));
    upsert = text(text(upsert, "appreciation", texts.appreciation()), "privateReflection", texts.privateReflection());
    return upsert
        .map(row -> {
          var checkin = view(row);
          return new Saved(checkin, Boolean.TRUE.equals(row.get("created", Boolean.class)) ? Outcome.CREATED : Outcome.REVISED,
              checkin.appreciation() != null && row.get("appreciation_before", String.class) == null,
              TrendAlerts.standingIn(row).with(new DailyRatings(checkin.day(), checkin.ratings())));
        })
        .one()
        .switchIfEmpty(Mono.defer(() -> find(partnerId, day).map(existing -> new Saved(existing, Outcome.UNCHANGED, false, null))));
  }

  /**
   * Stores a past day's answers as they were, unless the partner already has that day.
   *
   * @return whether it was stored
   */
  Mono<Boolean> insertPast(Partner partner, LocalDate day, CheckinAnswers answers, Instant at) {
    return database
        .sql(
            """
            insert into checkin (id, clinic_id, couple_id, partner_id, local_date, follow_through,
                empathic_listening, honesty, mattering, connected, submitted_at, updated_at)
            values (:id, :clinicId, :coupleId, :partnerId, :day, :followThrough, :empathicListening, :honesty, :mattering,
                    :connected, :at, :at)
            on conflict (partner_id, local_date) do nothing
            """)
        .bind("id", UUID.randomUUID())
        .bind("clinicId", partner.clinicId())
        .bind("coupleId", partner.coupleId())
        .bind("partnerId", partner.partnerId())
        .bind("day", day)
        .bind("followThrough", (short) answers.followThrough())
        .bind("empathicListening", (short) answers.empathicListening())
        .bind("honesty", (short) answers.honesty())
        .bind("mattering", (short) answers.mattering())
        .bind("connected", (short) answers.connected())
        .bind("at", at.atOffset(java.time.ZoneOffset.UTC))
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  Mono<CheckinView> find(UUID partnerId, LocalDate day) {
    return database
        .sql("select " + COLUMNS + " from checkin where partner_id = :partnerId and local_date = :day")
        .bind("partnerId", partnerId)
        .bind("day", day)
        .map(CheckinRepository::view)
        .one();
  }

  Flux<CheckinView> forPartner(UUID partnerId, LocalDate from, LocalDate to) {
    return database
        .sql("select " + COLUMNS + " from checkin where partner_id = :partnerId and local_date between :from and :to"
            + " order by local_date")
        .bind("partnerId", partnerId)
        .bind("from", from)
        .bind("to", to)
        .map(CheckinRepository::view)
        .all();
  }

  /** The partner's ratings on the days between two local days that they checked in, for their trends; read as one row. */
  Mono<List<DailyRatings>> ratingsOf(UUID partnerId, LocalDate from, LocalDate to) {
    return database
        .sql("select " + DailyRatings.AGGREGATED + " from checkin where partner_id = :partnerId and local_date between :from and :to")
        .bind("partnerId", partnerId)
        .bind("from", from)
        .bind("to", to)
        .map(DailyRatings::allOf)
        .one();
  }

  private static DatabaseClient.GenericExecuteSpec text(DatabaseClient.GenericExecuteSpec spec, String name, String value) {
    return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
  }

  /**
   * What the Today page shows, read in one statement (it is the most read page there is): the
   * partner's check-in on {@code day}, the other partner's time zone, and the words of appreciation
   * the other partner wrote on each day from {@code from} to {@code to}, since which of those is
   * their own today depends on their zone. Of the other partner's check-ins only those words are
   * read: never their ratings or their reflection.
   */
  Mono<TodayRows> todayOf(Partner partner, LocalDate day, LocalDate from, LocalDate to) {
    return database.sql("""
            select own.*, other.time_zone as other_time_zone, theirs.local_date as their_day, theirs.appreciation as their_words
            from (select 1) as one
            left join (select %s from checkin where partner_id = :partnerId and local_date = :day) own on true
            left join partner other on other.couple_id = :coupleId and other.clinic_id = :clinicId and other.partner_id <> :partnerId
            left join checkin theirs on theirs.partner_id = other.partner_id and theirs.local_date between :from and :to
                and theirs.appreciation is not null
            """.formatted(COLUMNS))
        .bind("partnerId", partner.partnerId())
        .bind("day", day)
        .bind("coupleId", partner.coupleId())
        .bind("clinicId", partner.clinicId())
        .bind("from", from)
        .bind("to", to)
        .map(row -> {
          String otherZone = row.get("other_time_zone", String.class);
          return new TodayRow(row.get("id") == null ? null : view(row), otherZone == null ? null : ZoneId.of(otherZone),
              row.get("their_day", LocalDate.class), row.get("their_words", String.class));
        })
        .all()
        .collectList()
        .map(rows -> new TodayRows(rows.getFirst().own(), rows.getFirst().otherZone(), rows.stream()
            .filter(row -> row.theirDay() != null)
            .collect(Collectors.toMap(TodayRow::theirDay, TodayRow::theirWords))));
  }

  /** One row of {@link #todayOf}: the own check-in and the other's zone repeat on each day of the other's words. */
  private record TodayRow(CheckinView own, ZoneId otherZone, LocalDate theirDay, String theirWords) {}

  /**
   * What {@link #todayOf} found.
   *
   * @param own the partner's check-in on the day asked for; null when there is none
   * @param otherZone the other partner's time zone; null until they have joined
   * @param partnerWords the other partner's words of appreciation by the day they wrote them
   */
  record TodayRows(CheckinView own, ZoneId otherZone, Map<LocalDate, String> partnerWords) {}

  /** How many days the partner ever checked in. */
  Mono<Long> daysPractised(UUID partnerId) {
    return database.sql("select count(*) from checkin where partner_id = :partnerId")
        .bind("partnerId", partnerId)
        .map(row -> row.get(0, Long.class))
        .one();
  }

  /** A partner's gap since their last check-in, with their clinic's threshold of days without one. */
  record Gap(UUID partnerId, UUID coupleId, UUID clinicId, ZoneId zone, LocalDate lastCheckinOn, int threshold) {}

  /**
   * Partners whose last check-in was before today (UTC, roughly: each partner's own day decides) and
   * whose gap since it has not been told yet.
   */
  Flux<Gap> untoldGaps(int defaultThreshold) {
    return database
        .sql(
            """
            select p.partner_id, p.couple_id, p.clinic_id, p.time_zone, last.day as last_checkin_on,
                   coalesce(s.alert_days_without_checkin, :defaultDays) as threshold
            from partner p
            join lateral (select max(local_date) as day from checkin c where c.partner_id = p.partner_id) last on last.day is not null
            left join clinic_settings s on s.clinic_id = p.clinic_id
            left join checkins_missed m on m.partner_id = p.partner_id and m.last_checkin_on = last.day
            where m.partner_id is null and last.day < (now() at time zone 'UTC')::date
            """)
        .bind("defaultDays", defaultThreshold)
        .map(row -> new Gap(row.get("partner_id", UUID.class), row.get("couple_id", UUID.class), row.get("clinic_id", UUID.class),
            ZoneId.of(row.get("time_zone", String.class)), row.get("last_checkin_on", LocalDate.class), row.get("threshold", Integer.class)))
        .all();
  }

  /** Claims the gap after {@code lastCheckinOn} as told; false when it was told already. */
  Mono<Boolean> claimGap(UUID partnerId, LocalDate lastCheckinOn, Instant now) {
    return database
        .sql("insert into checkins_missed (partner_id, last_checkin_on, told_at) values (:partnerId, :last, :now) on conflict do nothing")
        .bind("partnerId", partnerId)
        .bind("last", lastCheckinOn)
        .bind("now", now.atOffset(ZoneOffset.UTC))
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  /** The partner's acts that recovered: their fall is no longer told. */
  Mono<Void> forgetTrendDrops(UUID partnerId, String[] acts) {
    return database.sql("delete from trend_drop where partner_id = :partnerId and act = any(:acts)")
        .bind("partnerId", partnerId)
        .bind("acts", acts)
        .then();
  }

  /** Claims the telling of the act's fall since {@code today}; false when it was told already. */
  Mono<Boolean> claimTrendDrop(UUID partnerId, String act, LocalDate today) {
    return database.sql("insert into trend_drop (partner_id, act, since) values (:partnerId, :act, :today) on conflict do nothing")
        .bind("partnerId", partnerId)
        .bind("act", act)
        .bind("today", today)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  static CheckinView view(Readable row) {
    return new CheckinView(
        row.get("id", UUID.class),
        row.get("local_date", LocalDate.class),
        row.get("follow_through", Short.class),
        row.get("empathic_listening", Short.class),
        row.get("honesty", Short.class),
        row.get("mattering", Short.class),
        row.get("connected", Short.class),
        row.get("appreciation", String.class),
        row.get("private_reflection", String.class),
        row.get("submitted_at", OffsetDateTime.class).toInstant(),
        row.get("updated_at", OffsetDateTime.class).toInstant());
  }
}
