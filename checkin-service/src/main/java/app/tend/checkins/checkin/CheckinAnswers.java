package app.tend.checkins.checkin;

import app.tend.contracts.checkin.TrustRatings;
import app.tend.platform.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * The answers of one daily check-in, valid by construction: each trust act 0–4 for the past day and
 * how connected the partner felt, 1–5.
 */
public record CheckinAnswers(int followThrough, int empathicListening, int honesty, int mattering, int connected) {

  public static final int ACT_MIN = 0;
  public static final int ACT_MAX = 4;
  public static final int CONNECTED_MIN = 1;
  public static final int CONNECTED_MAX = 5;

  public CheckinAnswers {
    var problems = problems(followThrough, empathicListening, honesty, mattering, connected);
    if (!problems.isEmpty()) {
      throw new InvalidAnswersException(problems);
    }
  }

  /** Reads answers that may be missing, naming every one that is missing or out of range. */
  public static CheckinAnswers of(
      Integer followThrough, Integer empathicListening, Integer honesty, Integer mattering, Integer connected) {
    List<String> problems = new ArrayList<>();
    requirePresent("followThrough", followThrough, problems);
    requirePresent("empathicListening", empathicListening, problems);
    requirePresent("honesty", honesty, problems);
    requirePresent("mattering", mattering, problems);
    requirePresent("connected", connected, problems);
    if (!problems.isEmpty()) {
      throw new InvalidAnswersException(problems);
    }
    return new CheckinAnswers(followThrough, empathicListening, honesty, mattering, connected);
  }

  public TrustRatings ratings() {
    return new TrustRatings(followThrough, empathicListening, honesty, mattering, connected);
  }

  private static List<String> problems(int followThrough, int empathicListening, int honesty, int mattering, int connected) {
    List<String> problems = new ArrayList<>();
    requireAct("followThrough", followThrough, problems);
    requireAct("empathicListening", empathicListening, problems);
    requireAct("honesty", honesty, problems);
    requireAct("mattering", mattering, problems);
    if (connected < CONNECTED_MIN || connected > CONNECTED_MAX) {
      problems.add("connected must be a whole number from 1 to 5");
    }
    return problems;
  }

  private static void requireAct(String name, int value, List<String> problems) {
    if (value < ACT_MIN || value > ACT_MAX) {
      problems.add(name + " must be a whole number from 0 to 4");
    }
  }

  private static void requirePresent(String name, Integer value, List<String> problems) {
    if (value == null) {
      problems.add(name + " is missing");
    }
  }

  /** Answers that are missing or out of range; each problem is written for a person. */
  public static final class InvalidAnswersException extends InvalidRequestException {
    private final List<String> problems;

    InvalidAnswersException(List<String> problems) {
      super("Please check: " + String.join("; ", problems) + ".");
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}
