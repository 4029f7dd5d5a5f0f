package app.tend.checkins.repair;

import static org.assertj.core.api.Assertions.assertThat;

import app.tend.checkins.repair.RepairProcess.Next;
import app.tend.checkins.repair.RepairProcess.Refused;
import app.tend.checkins.repair.RepairProcess.Role;
import app.tend.checkins.repair.RepairProcess.State;
import app.tend.checkins.repair.RepairProcess.Step;
import org.junit.jupiter.api.Test;

class RepairProcessTest {

  private static State next(State state, Role role, Step step) {
    var outcome = RepairProcess.take(state, role, step, false);
    assertThat(outcome).isInstanceOf(Next.class);
    return ((Next) outcome).state();
  }

  private static Refused refused(State state, Role role, Step step) {
    var outcome = RepairProcess.take(state, role, step, false);
    assertThat(outcome).isInstanceOf(Refused.class);
    return (Refused) outcome;
  }

  @Test
  void theStepsGoInOrderEachByItsPartner() {
    State state = next(State.IMPACT, Role.HURT, Step.IMPACT_DESCRIBED);
    assertThat(state).isEqualTo(State.ACKNOWLEDGEMENT);
    state = next(state, Role.RESPONSIBLE, Step.ACKNOWLEDGED);
    assertThat(state).isEqualTo(State.ACTIONS);
    state = next(state, Role.RESPONSIBLE, Step.ACTIONS_PROPOSED);
    assertThat(state).isEqualTo(State.AGREEMENT);
    // Asking for a change goes back to proposing.
    assertThat(next(state, Role.HURT, Step.CHANGES_ASKED)).isEqualTo(State.ACTIONS);
    state = next(state, Role.HURT, Step.ACTIONS_AGREED);
    assertThat(state).isEqualTo(State.CLOSING);
    // It closes when the second of the two says it feels repaired.
    assertThat(next(state, Role.RESPONSIBLE, Step.FEELS_REPAIRED)).isEqualTo(State.CLOSING);
    assertThat(RepairProcess.take(state, Role.HURT, Step.FEELS_REPAIRED, true)).isEqualTo(new Next(State.CLOSED));
  }

  @Test
  void aStepOutOfOrderOrByTheOtherPartnerIsRefusedWithWhatHappensNow() {
    assertThat(refused(State.IMPACT, Role.RESPONSIBLE, Step.ACKNOWLEDGED))
        .isEqualTo(new Refused("Not this step yet", "Now: your partner describes how it affected them."));
    assertThat(refused(State.IMPACT, Role.RESPONSIBLE, Step.IMPACT_DESCRIBED).title()).isEqualTo("This step is your partner's");
    assertThat(refused(State.ACTIONS, Role.HURT, Step.IMPACT_DESCRIBED).title()).isEqualTo("This step is done");
    assertThat(refused(State.ACTIONS, Role.HURT, Step.ACTIONS_PROPOSED).detail())
        .isEqualTo("Now: your partner proposes what they will do to repair it.");
    assertThat(refused(State.ACKNOWLEDGEMENT, Role.HURT, Step.FEELS_REPAIRED).title()).isEqualTo("Not this step yet");
    assertThat(refused(State.CLOSED, Role.HURT, Step.BROUGHT_TO_SESSION).title()).isEqualTo("This repair is closed");
  }

  @Test
  void eitherPartnerMayBringItToSessionAtAnyOpenStepWithoutMovingIt() {
    for (State state : State.values()) {
      if (state != State.CLOSED) {
        assertThat(next(state, Role.HURT, Step.BROUGHT_TO_SESSION)).isEqualTo(state);
        assertThat(next(state, Role.RESPONSIBLE, Step.BROUGHT_TO_SESSION)).isEqualTo(state);
      }
    }
  }
}
