package app.tend.contracts.repair;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.util.UUID;

/**
 * A partner asked to bring the repair to the couple's next session: the clinician should know.
 *
 * <p>Ids, kinds and numbers only: what the partners wrote stays in checkin-service.
 *
 * @param repairId the repair
 * @param coupleId the couple, also the record key
 * @param partnerId who asked
 */
public record RepairBroughtToSession(UUID repairId, UUID coupleId, UUID partnerId) implements TendEvent {

  @Override
  public String topic() {
    return Topics.CHECKIN_REPAIR;
  }
}
