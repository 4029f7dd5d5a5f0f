package app.tend.checkins.repair;

/**
 * The order of a repair, as plain rules: the hurt partner describes the impact; the other
 * acknowledges it and takes responsibility; they propose repair actions, which the hurt partner
 * agrees to (or asks to change); then each says it feels repaired. Either may bring it to their next
 * session at any point before it closes.
 */
final class RepairProcess {

  private RepairProcess() {}

  /** Where a repair stands: whose turn it is, and for what. */
  enum State { IMPACT, ACKNOWLEDGEMENT, ACTIONS, AGREEMENT, CLOSING, CLOSED }

  /** Which side of the breach a partner is on. */
  enum Role { HURT, RESPONSIBLE }

  /** What a partner can do. */
  enum Step { IMPACT_DESCRIBED, ACKNOWLEDGED, ACTIONS_PROPOSED, ACTIONS_AGREED, CHANGES_ASKED, FEELS_REPAIRED, BROUGHT_TO_SESSION }

  /** The answer to a step: the state after it, or why it cannot be taken now. */
  sealed interface Outcome permits Next, Refused {}

  record Next(State state) implements Outcome {}

  record Refused(String title, String detail) implements Outcome {}

  /**
   * Takes {@code step} by a partner in {@code role}.
   *
   * @param otherFeelsRepaired whether the other partner already said it feels repaired
   */
  static Outcome take(State state, Role role, Step step, boolean otherFeelsRepaired) {
    if (state == State.CLOSED) {
      return new Refused("This repair is closed", "You both said it feels repaired, so it stays as it is.");
    }
    if (step == Step.BROUGHT_TO_SESSION) {
      return new Next(state);
    }
    State expected = switch (step) {
      case IMPACT_DESCRIBED -> State.IMPACT;
      case ACKNOWLEDGED -> State.ACKNOWLEDGEMENT;
      case ACTIONS_PROPOSED -> State.ACTIONS;
      case ACTIONS_AGREED, CHANGES_ASKED -> State.AGREEMENT;
      case FEELS_REPAIRED -> State.CLOSING;
      case BROUGHT_TO_SESSION -> throw new IllegalStateException("handled above");
    };
    if (state != expected) {
      return new Refused(state.ordinal() > expected.ordinal() ? "This step is done" : "Not this step yet", "Now: " + whatNow(state, role));
    }
    Role takes = switch (step) {
      case IMPACT_DESCRIBED, ACTIONS_AGREED, CHANGES_ASKED -> Role.HURT;
      case ACKNOWLEDGED, ACTIONS_PROPOSED -> Role.RESPONSIBLE;
      case FEELS_REPAIRED, BROUGHT_TO_SESSION -> role;
    };
    if (takes != role) {
      return new Refused("This step is your partner's", "Now: " + whatNow(state, role));
    }
    return new Next(switch (step) {
      case IMPACT_DESCRIBED -> State.ACKNOWLEDGEMENT;
      case ACKNOWLEDGED -> State.ACTIONS;
      case ACTIONS_PROPOSED -> State.AGREEMENT;
      case ACTIONS_AGREED -> State.CLOSING;
      case CHANGES_ASKED -> State.ACTIONS;
      case FEELS_REPAIRED -> otherFeelsRepaired ? State.CLOSED : State.CLOSING;
      case BROUGHT_TO_SESSION -> state;
    });
  }

  /** What happens now, said to the partner in {@code role}. */
  static String whatNow(State state, Role role) {
    boolean hurt = role == Role.HURT;
    return switch (state) {
      case IMPACT -> hurt ? "describe how it affected you." : "your partner describes how it affected them.";
      case ACKNOWLEDGEMENT -> hurt ? "your partner acknowledges it, in their own words."
          : "acknowledge what happened and your part in it, in your own words.";
      case ACTIONS -> hurt ? "your partner proposes what they will do to repair it."
          : "propose what you will do to repair it: small, concrete commitments.";
      case AGREEMENT -> hurt ? "say whether these actions would help, or ask for a change."
          : "your partner looks at the actions you proposed.";
      case CLOSING -> "each of you says when it feels repaired, or asks to bring it to your next session.";
      case CLOSED -> "nothing: you both said it feels repaired.";
    };
  }
}
