package app.tend.contracts.repair;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.util.UUID;

/**
 * A partner opened a repair after a breach.
 *
 * <p>Ids, kinds and numbers only: what the partners wrote stays in checkin-service.
 *
 * @param repairId the repair
 * @param coupleId the couple, also the record key
 * @param openedBy who opened it
 * @param hurtPartnerId the partner who was hurt
 * @param responsiblePartnerId the partner who takes responsibility
 * @param category LIE_OR_CONCEALMENT, BROKEN_PROMISE, HURTFUL_WORDS or OTHER
 * @param seriousness how serious it felt, 1–5
 */
public record RepairOpened(UUID repairId, UUID coupleId, UUID openedBy, UUID hurtPartnerId, UUID responsiblePartnerId, String category, int seriousness) implements TendEvent {

  @Override
  public String topic() {
    return Topics.CHECKIN_REPAIR;
  }
}
