package app.tend.infra.chaos;

import app.tend.infra.chaos.Attempt.Outcome;
import app.tend.infra.chaos.ChaosAudit.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a chaos run measured: one row per part killed, and the audit of the whole run.
 *
 * @param outsideOutages what the requests sent while every part was up got
 * @param requests every request of the load
 * @param seconds how long the run took
 * @param connectionsLost when and how each lost connection broke
 */
public record ChaosReport(List<Row> rows, Findings findings, Map<Outcome, Long> outsideOutages, int requests, double seconds,
    List<String> connectionsLost) {

  /** The gateway is the one part whose death nobody can answer for: its clients see the connection go. */
  public static final String GATEWAY = "gateway";

  /**
   * @param downSeconds from the kill to the restart
   * @param readySeconds from the restart until it was ready
   * @param writesBackSeconds from the restart until the first write was accepted again; -1 if never
   * @param caughtUpSeconds from the restart until every event written before it had reached the feeds; -1 if never
   * @param duringOutage what the requests in flight between the kill and the recovery got
   * @param errorStatuses the HTTP statuses of those that got another error or a refusal (0: no answer)
   */
  public record Row(String component, double downSeconds, double readySeconds, double writesBackSeconds, double caughtUpSeconds,
      Map<Outcome, Long> duringOutage, Map<Integer, Long> errorStatuses) {

    long count(Outcome outcome) {
      return duringOutage.getOrDefault(outcome, 0L);
    }
  }

  /** The run as a Markdown table and a summary, for the console, docs/reliability.md and the issue note. */
  public String table() {
    var out = new StringBuilder();
    out.append("| killed (SIGKILL) | down s | ready after restart s | writes accepted again s | feeds caught up s "
        + "| requests in outage | accepted | 503 problem | refused by a rule | other error | connection refused | connection lost | no answer (hang) |\n");
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Row row : rows) {
      long total = row.duringOutage().values().stream().mapToLong(Long::longValue).sum();
      out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s | %s | %d | %d | %d | %d | %d | %d | %d | %d |%n", row.component(),
          row.downSeconds(), row.readySeconds(), secondsOrNever(row.writesBackSeconds()), secondsOrNever(row.caughtUpSeconds()), total,
          row.count(Outcome.ACCEPTED), row.count(Outcome.UNAVAILABLE), row.count(Outcome.REFUSED), row.count(Outcome.OTHER_ERROR),
          row.count(Outcome.CONNECTION_REFUSED), row.count(Outcome.CONNECTION_LOST), row.count(Outcome.NO_ANSWER)));
    }
    out.append('\n');
    out.append(String.format(Locale.ROOT, "- %d requests in %.0f s; %d writes accepted, **%d missing from the database**%s%n",
        requests, seconds, findings.acceptedWrites(), findings.missingWrites(),
        findings.missing().isEmpty() ? "" : " (" + String.join("; ", findings.missing().subList(0, Math.min(5, findings.missing().size()))) + ")"));
    out.append(String.format(Locale.ROOT, "- %d events that notify a partner, **%d missing from the feeds**, %d still unpublished in the outbox; "
        + "**%d duplicate notifications**%n", findings.eventsExpected(), findings.eventsMissing(), findings.eventsUnpublished(),
        findings.duplicateNotifications()));
    out.append("- requests while every part was up: " + outsideOutages + "\n");
    connectionsLost.forEach(lost -> out.append("- connection lost: ").append(lost).append('\n'));
    return out.toString();
  }

  private static String secondsOrNever(double seconds) {
    return seconds < 0 ? "never" : String.format(Locale.ROOT, "%.1f", seconds);
  }

  /**
   * What the run must never show, in words; empty when it held: a lost write or event, a duplicate
   * notification, a request that hung or got anything but a 503 problem because a part was down
   * (the gateway's own death aside, which shows as a refused or lost connection), a part that did
   * not recover.
   */
  public List<String> failures() {
    var failures = new ArrayList<String>();
    if (findings.missingWrites() > 0) {
      failures.add(findings.missingWrites() + " accepted writes missing: " + findings.missing());
    }
    if (findings.eventsMissing() > 0 || findings.eventsUnpublished() > 0) {
      failures.add(findings.eventsMissing() + " events missing from the feeds, " + findings.eventsUnpublished() + " unpublished");
    }
    if (findings.duplicateNotifications() > 0) {
      failures.add(findings.duplicateNotifications() + " events notified twice");
    }
    for (Row row : rows) {
      if (row.writesBackSeconds() < 0 || row.caughtUpSeconds() < 0) {
        failures.add(row.component() + " did not recover");
      }
      var unclear = row.count(Outcome.NO_ANSWER) + row.count(Outcome.OTHER_ERROR) + row.count(Outcome.REFUSED)
          + (row.component().equals(GATEWAY) ? 0 : row.count(Outcome.CONNECTION_REFUSED) + row.count(Outcome.CONNECTION_LOST));
      if (unclear > 0) {
        failures.add(row.component() + ": " + unclear + " requests got neither an answer nor a 503 problem: " + row.duringOutage()
            + ", statuses " + row.errorStatuses());
      }
    }
    // A 503 just after a recovery (a circuit breaker's last seconds open) is still a clear answer.
    long outsideFailures = outsideOutages.entrySet().stream()
        .filter(e -> e.getKey() != Outcome.ACCEPTED && e.getKey() != Outcome.UNAVAILABLE).mapToLong(Map.Entry::getValue).sum();
    if (outsideFailures > 0) {
      failures.add(outsideFailures + " requests failed while every part was up: " + outsideOutages);
    }
    return failures;
  }
}
