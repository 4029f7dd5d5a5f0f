package app.tend.contracts.repair;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.util.UUID;

/**
 * Both partners said the repair feels repaired.
 *
 * <p>Ids, kinds and numbers only: what the partners wrote stays in checkin-service.
 *
 * @param repairId the repair
 * @param coupleId the couple, also the record key
 */
public record RepairClosed(UUID repairId, UUID coupleId) implements TendEvent {

  @Override
  public String topic() {
    return Topics.CHECKIN_REPAIR;
  }
}
