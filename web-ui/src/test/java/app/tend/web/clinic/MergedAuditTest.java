package app.tend.web.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import app.tend.web.clinic.MergedAudit.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MergedAuditTest {

  /** A source of {@code count} entries a {@code gap} of seconds apart, from {@code start} backwards, ids counting down. */
  static List<ClinicApi.AuditEntry> entries(String action, int count, long start, long gap) {
    var list = new ArrayList<ClinicApi.AuditEntry>();
    for (int i = 0; i < count; i++) {
      list.add(new ClinicApi.AuditEntry(count - i, Instant.ofEpochSecond(start - i * gap), UUID.randomUUID(), "clinician", action,
          UUID.randomUUID(), null, null));
    }
    return list;
  }

  /** Pages like the services do: newest first, ids below {@code before}. */
  static MergedAudit.Fetch serving(Map<Source, List<ClinicApi.AuditEntry>> logs) {
    return (source, before, limit) -> {
      var older = logs.get(source).stream().filter(e -> before == null || e.id() < before).toList();
      var page = older.subList(0, Math.min(limit, older.size()));
      return new ClinicApi.AuditPage(page, older.size() > limit ? page.getLast().id() : null);
    };
  }

  @Test
  void everyEntryOfBothComesOnceNewestFirstAcrossPages() {
    var checkins = entries("checkins.list", 23, 10_000, 10);
    var accounts = entries("couples.list", 7, 9_995, 35);
    var merged = new MergedAudit();
    var fetch = serving(Map.of(Source.CHECKINS, checkins, Source.ACCOUNTS, accounts));
    var seen = new ArrayList<ClinicApi.AuditEntry>();
    int pages = 0;
    while (merged.hasMore()) {
      var page = merged.next(fetch, 5);
      assertThat(page.size()).isLessThanOrEqualTo(5);
      seen.addAll(page);
      pages++;
    }
    assertThat(seen).hasSize(30).doesNotHaveDuplicates();
    assertThat(seen).extracting(ClinicApi.AuditEntry::at).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(pages).isEqualTo(6);
  }

  @Test
  void anEmptyLogIsDoneAtOnce() {
    var merged = new MergedAudit();
    assertThat(merged.next(serving(Map.of(Source.CHECKINS, List.of(), Source.ACCOUNTS, List.of())), 100)).isEmpty();
    assertThat(merged.hasMore()).isFalse();
  }
}
