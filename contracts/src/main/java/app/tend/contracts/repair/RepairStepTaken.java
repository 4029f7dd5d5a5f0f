package app.tend.contracts.repair;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.util.UUID;

/**
 * A partner took a step of a repair.
 *
 * <p>Ids, kinds and numbers only: what the partners wrote stays in checkin-service.
 *
 * @param repairId the repair
 * @param coupleId the couple, also the record key
 * @param partnerId who took it
 * @param step IMPACT_DESCRIBED, ACKNOWLEDGED, ACTIONS_PROPOSED, ACTIONS_AGREED, CHANGES_ASKED, FEELS_REPAIRED or BROUGHT_TO_SESSION
 * @param state where the repair stands after it
 */
public record RepairStepTaken(UUID repairId, UUID coupleId, UUID partnerId, String step, String state) implements TendEvent {

  @Override
  public String topic() {
    return Topics.CHECKIN_REPAIR;
  }
}
