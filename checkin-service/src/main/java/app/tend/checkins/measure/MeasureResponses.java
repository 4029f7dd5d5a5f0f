package app.tend.checkins.measure;

import app.tend.checkins.couple.Partner;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Partners' responses to the clinic's measures, one per partner, measure and local day. */
@Repository
class MeasureResponses {

  private final DatabaseClient database;

  MeasureResponses(DatabaseClient database) {
    this.database = database;
  }

  /** A response as stored: its answers as the JSON object they were kept as. */
  record Stored(UUID id, String version, LocalDate day, Instant completedAt, String answers, double score) {}

  /** A partner's response; false when they answered the measure on that day already (two at once included). */
  Mono<Boolean> add(UUID id, Partner who, MeasureDefinition measure, LocalDate day, String answers, MeasureDefinition.Scored scored,
      Instant at) {
    return database
        .sql(
            """
            insert into measure_response (id, clinic_id, couple_id, partner_id, measure_id, measure_version, local_date, answers,
                                          score, below_cut_off, completed_at)
            values (:id, :clinicId, :coupleId, :partnerId, :measureId, :version, :day, :answers, :score, :below, :at)
            on conflict (partner_id, measure_id, local_date) do nothing
            """)
        .bind("id", id)
        .bind("clinicId", who.clinicId())
        .bind("coupleId", who.coupleId())
        .bind("partnerId", who.partnerId())
        .bind("measureId", measure.id())
        .bind("version", measure.version())
        .bind("day", day)
        .bind("answers", answers)
        .bind("score", BigDecimal.valueOf(scored.score()))
        .bind("below", scored.belowCutOff())
        .bind("at", at.atOffset(ZoneOffset.UTC))
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  /** A partner's responses to {@code measureId} in their clinic, oldest first. */
  Flux<Stored> of(UUID partnerId, UUID clinicId, String measureId) {
    return database.sql("select id, measure_version, local_date, completed_at, answers, score from measure_response"
            + " where partner_id = :partnerId and clinic_id = :clinicId and measure_id = :measureId order by local_date")
        .bind("partnerId", partnerId)
        .bind("clinicId", clinicId)
        .bind("measureId", measureId)
        .map(row -> new Stored(row.get("id", UUID.class), row.get("measure_version", String.class), row.get("local_date", LocalDate.class),
            row.get("completed_at", OffsetDateTime.class).toInstant(), row.get("answers", String.class),
            row.get("score", BigDecimal.class).doubleValue()))
        .all();
  }

  /** A partner's scores on {@code measureId}, oldest first. */
  Flux<MeasureView.Score> scores(UUID partnerId, String measureId) {
    return database.sql("select local_date, score, below_cut_off from measure_response where partner_id = :partnerId"
            + " and measure_id = :measureId order by local_date")
        .bind("partnerId", partnerId)
        .bind("measureId", measureId)
        .map(row -> new MeasureView.Score(row.get("local_date", LocalDate.class), row.get("score", BigDecimal.class).doubleValue(),
            Boolean.TRUE.equals(row.get("below_cut_off", Boolean.class))))
        .all();
  }
}
