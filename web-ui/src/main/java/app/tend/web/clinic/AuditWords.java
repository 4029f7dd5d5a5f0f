package app.tend.web.clinic;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The audit log in words for the admin: what each recorded read was, and the CSV they download. */
final class AuditWords {

  /** A download holds at most this many entries; a narrower search gets the rest. */
  static final int MAX_CSV_ROWS = 100_000;

  private static final Map<String, String> ACTIONS = Map.ofEntries(
      Map.entry("caseload", "Caseload at a glance"),
      Map.entry("checkins.list", "Check-ins"),
      Map.entry("commitments.list", "Commitments"),
      Map.entry("repairs.list", "Repairs"),
      Map.entry("session-notes", "Session notes"),
      Map.entry("session-notes.write", "Wrote a session note"),
      Map.entry("safety-flags.list", "Safety flags"),
      Map.entry("safety-flags.caseload", "Safety flags (couples list)"),
      Map.entry("measures.history", "Relationship measure history"),
      Map.entry("measures.fhir", "Relationship measure (FHIR export)"),
      Map.entry("couples.list", "Couples list (names and invitations)"),
      Map.entry("couples.assign", "Moved to another clinician"),
      Map.entry("invitations.renew", "Renewed an invitation"));

  private AuditWords() {}

  static String action(String action) {
    return ACTIONS.getOrDefault(action, action);
  }

  /**
   * RFC 4180 CSV with a header, one line per entry; names beside ids so the file can be read on
   * its own and still be matched to the records.
   */
  static String csv(List<ClinicApi.AuditEntry> entries, Map<UUID, String> staff, Map<UUID, String> couples) {
    var csv = new StringBuilder("time_utc,who,who_id,roles,what,action,couple,couple_id,from_where,request_id\r\n");
    for (var entry : entries) {
      csv.append(String.join(",", List.of(
          entry.at().toString(),
          field(staff.getOrDefault(entry.actorId(), "")),
          entry.actorId().toString(),
          field(entry.actorRoles()),
          field(action(entry.action())),
          field(entry.action()),
          field(couples.getOrDefault(entry.coupleId(), "")),
          entry.coupleId().toString(),
          field(entry.clientAddress() == null ? "" : entry.clientAddress()),
          field(entry.requestId() == null ? "" : entry.requestId())))).append("\r\n");
    }
    return csv.toString();
  }

  /**
   * One field: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is
   * prefixed with ' so a spreadsheet shows a name rather than running it as a formula.
   */
  static String field(String value) {
    String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
        ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
