package app.tend.checkins.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import app.tend.checkins.commitment.CommitmentSchedule.Kind;
import app.tend.checkins.commitment.CommitmentView.Occurrence;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
  private static final CommitmentSchedule DAILY = new CommitmentSchedule(Kind.DAILY, null, LocalTime.of(20, 0), null);

  @Test
  void everyDueDaySinceTheStartIsListedNewestFirstAndOnlyMarkedDaysCanBeAnswered() {
    var occurrences = Ledger.occurrences(DAILY, TODAY.minusDays(3), false,
        Map.of(TODAY.minusDays(1), new Ledger.Recorded(true, null), TODAY.minusDays(2), new Ledger.Recorded(false, true)), TODAY);
    assertThat(occurrences).containsExactly(
        new Occurrence(TODAY, null, null, true, false),
        new Occurrence(TODAY.minusDays(1), true, null, true, true),
        // Answered by the partner: the mark stays as it was.
        new Occurrence(TODAY.minusDays(2), false, true, false, true),
        new Occurrence(TODAY.minusDays(3), null, null, true, false));
  }

  @Test
  void aDayStaysOpenForAWeekAndTheLedgerLooksBackFourWeeks() {
    assertThat(Ledger.isOpen(TODAY, TODAY)).isTrue();
    assertThat(Ledger.isOpen(TODAY.minusDays(7), TODAY)).isTrue();
    assertThat(Ledger.isOpen(TODAY.minusDays(8), TODAY)).isFalse();
    assertThat(Ledger.isOpen(TODAY.plusDays(1), TODAY)).isFalse();
    var occurrences = Ledger.occurrences(DAILY, TODAY.minusYears(1), false, Map.of(), TODAY);
    assertThat(occurrences).hasSize(Ledger.WINDOW_DAYS);
    assertThat(occurrences.getLast().dueDate()).isEqualTo(TODAY.minusDays(27));
    assertThat(occurrences.getLast().markable()).isFalse();
  }

  @Test
  void aWithdrawnCommitmentShowsOnlyWhatWasRecorded() {
    var occurrences = Ledger.occurrences(DAILY, TODAY.minusDays(5), true, Map.of(TODAY.minusDays(4), new Ledger.Recorded(true, null)), TODAY);
    assertThat(occurrences).extracting(Occurrence::dueDate).containsExactly(TODAY.minusDays(4));
  }

  @Test
  void followThroughIsKeptOutOfMarkedAndTodayIsNotYetUnmarked() {
    var occurrences = Ledger.occurrences(DAILY, TODAY.minusDays(4), false, Map.of(
        TODAY.minusDays(1), new Ledger.Recorded(true, null),
        TODAY.minusDays(2), new Ledger.Recorded(true, false),
        TODAY.minusDays(3), new Ledger.Recorded(false, null)), TODAY);
    var followThrough = Ledger.followThrough(occurrences, TODAY);
    assertThat(followThrough.kept()).isEqualTo(2);
    assertThat(followThrough.notKept()).isEqualTo(1);
    assertThat(followThrough.unmarked()).isEqualTo(1);
    assertThat(followThrough.rate()).isEqualTo(2.0 / 3);
    assertThat(Ledger.followThrough(Ledger.occurrences(DAILY, TODAY, false, Map.of(), TODAY), TODAY).rate()).isNull();
  }
}
