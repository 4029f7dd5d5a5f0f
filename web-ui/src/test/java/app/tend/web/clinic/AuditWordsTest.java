package app.tend.web.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditWordsTest {

  @Test
  void theCsvHasAHeaderNamesBesideIdsAndQuotesWhatNeedsIt() {
    UUID maya = UUID.randomUUID();
    UUID couple = UUID.randomUUID();
    var entry = new ClinicApi.AuditEntry(7, Instant.parse("2026-11-30T17:00:00Z"), maya, "clinician", "checkins.list", couple,
        "198.51.100.7 via 10.0.0.5", "req-1");
    String csv = AuditWords.csv(List.of(entry), Map.of(maya, "Maya Okafor"), Map.of(couple, "Alex \"Al\" Moreno & Jordan, Moreno"));
    assertThat(csv.split("\r\n")).containsExactly(
        "time_utc,who,who_id,roles,what,action,couple,couple_id,from_where,request_id",
        "2026-11-30T17:00:00Z,Maya Okafor," + maya + ",clinician,Check-ins,checkins.list,\"Alex \"\"Al\"\" Moreno & Jordan, Moreno\","
            + couple + ",198.51.100.7 via 10.0.0.5,req-1");
  }

  @Test
  void aCellThatASpreadsheetWouldRunAsAFormulaIsDefused() {
    assertThat(AuditWords.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(AuditWords.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(AuditWords.field("Riley")).isEqualTo("Riley");
  }
}
