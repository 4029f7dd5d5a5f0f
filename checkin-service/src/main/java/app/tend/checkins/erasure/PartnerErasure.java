package app.tend.checkins.erasure;

import app.tend.platform.outbox.Outbox;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Removes everything of a partner who erased their account, across every feature: their check-ins
 * with their ratings and texts, the safety flags they raised, their measure responses, the
 * commitments and repairs between them and their partner, and the events about them still kept in
 * the outbox. Their partner's check-ins stay. Safe to run twice.
 */
@Repository
class PartnerErasure {

  private final DatabaseClient database;
  private final Outbox outbox;

  PartnerErasure(DatabaseClient database, Outbox outbox) {
    this.database = database;
    this.outbox = outbox;
  }

  /** Must run in the transaction that records the erasure event as handled. */
  Mono<Void> eraseAllOf(UUID partnerId) {
    return database.sql("delete from checkin where partner_id = :partnerId")
        .bind("partnerId", partnerId)
        .then()
        .then(database.sql("delete from safety_flag where partner_id = :partnerId").bind("partnerId", partnerId).then())
        // Commitments are between the two partners: with one of them gone, both directions go.
        .then(database.sql("delete from commitment where author_id = :partnerId or partner_id = :partnerId")
            .bind("partnerId", partnerId).then())
        .then(database.sql("delete from measure_response where partner_id = :partnerId").bind("partnerId", partnerId).then())
        .then(database.sql("delete from trend_drop where partner_id = :partnerId").bind("partnerId", partnerId).then())
        .then(database.sql("delete from checkins_missed where partner_id = :partnerId").bind("partnerId", partnerId).then())
        .then(database.sql("delete from repair where hurt_partner_id = :partnerId or responsible_partner_id = :partnerId")
            .bind("partnerId", partnerId).then())
        .then(outbox.forgetEventsAbout(partnerId));
  }
}
