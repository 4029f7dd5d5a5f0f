package app.tend.accounts.identity;

import app.tend.platform.web.InvalidRequestException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A person's name and e-mail address as given by whoever enrols them.
 *
 * @param email their e-mail address; their login name
 * @param firstName what Tend calls them
 * @param lastName their family name
 */
public record PersonDetails(String email, String firstName, String lastName) {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}");
  private static final int NAME_MAX = 100;

  /** Problems with these details, each written for a person; {@code role} names whose they are. */
  public List<String> problems(String role) {
    List<String> problems = new ArrayList<>();
    if (email == null || !EMAIL.matcher(email).matches()) {
      problems.add(role + " e-mail address must look like name@example.org");
    }
    problems.addAll(nameProblems(firstName, lastName, role));
    return problems;
  }

  /** Problems with a name alone, e.g. when a person changes theirs. */
  public static List<String> nameProblems(String firstName, String lastName, String role) {
    List<String> problems = new ArrayList<>();
    if (firstName == null || firstName.isBlank() || firstName.length() > NAME_MAX) {
      problems.add(role + " first name must be 1 to " + NAME_MAX + " characters");
    }
    if (lastName == null || lastName.isBlank() || lastName.length() > NAME_MAX) {
      problems.add(role + " last name must be 1 to " + NAME_MAX + " characters");
    }
    return problems;
  }

  /** The address as stored and compared: trimmed, lower case. */
  public String normalisedEmail() {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  public PersonDetails normalised() {
    return new PersonDetails(normalisedEmail(), firstName.strip(), lastName.strip());
  }

  /** Adds a problem unless {@code zone} is an IANA time zone such as Europe/Berlin. */
  public static void requireZone(String zone, String what, List<String> problems) {
    try {
      if (zone == null || !zone.contains("/")) {
        throw new DateTimeException("not a region zone");
      }
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      problems.add(what + " time zone must be a place such as Europe/Berlin");
    }
  }

  /** Throws one problem listing everything to correct, or nothing. */
  public static void refuseUnless(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("Please check: " + String.join("; ", problems) + ".");
    }
  }
}
