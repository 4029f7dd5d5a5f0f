package app.tend.web.clinic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clinic's audit log as one list, newest first, from the two services that keep one: each
 * records the reads of the data it holds, and neither copies the other's. Pages are merged by time;
 * each service keeps its own place, so no entry is skipped or shown twice from page to page.
 */
final class MergedAudit {

  enum Source {
    CHECKINS("/api/checkins/audit"),
    ACCOUNTS("/api/accounts/audit");

    final String path;

    Source(String path) {
      this.path = path;
    }
  }

  /** Reads one page of one source, older than {@code before} (or the newest when null). */
  @FunctionalInterface
  interface Fetch {
    ClinicApi.AuditPage page(Source source, Long before, int limit);
  }

  private record Found(Source source, ClinicApi.AuditEntry entry) {}

  private final Map<Source, Long> before = new EnumMap<>(Source.class);
  private final Set<Source> done = EnumSet.noneOf(Source.class);

  /** The next {@code limit} entries of both, newest first; empty once both are done. */
  List<ClinicApi.AuditEntry> next(Fetch fetch, int limit) {
    var found = new ArrayList<Found>();
    Map<Source, Integer> fetched = new EnumMap<>(Source.class);
    Map<Source, Boolean> more = new EnumMap<>(Source.class);
    for (Source source : Source.values()) {
      if (done.contains(source)) {
        continue;
      }
      var page = fetch.page(source, before.get(source), limit);
      page.entries().forEach(entry -> found.add(new Found(source, entry)));
      fetched.put(source, page.entries().size());
      more.put(source, page.nextBefore() != null);
    }
    found.sort(Comparator.comparing((Found f) -> f.entry().at()).reversed());
    var taken = found.subList(0, Math.min(limit, found.size()));
    for (Source source : fetched.keySet()) {
      var mine = taken.stream().filter(f -> f.source() == source).toList();
      if (!mine.isEmpty()) {
        before.put(source, mine.getLast().entry().id());
      }
      if (mine.size() == fetched.get(source) && !more.get(source)) {
        done.add(source);
      }
    }
    return taken.stream().map(Found::entry).toList();
  }

  boolean hasMore() {
    return done.size() < Source.values().length;
  }
}
