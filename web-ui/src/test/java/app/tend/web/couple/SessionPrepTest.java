package app.tend.web.couple;

import static org.assertj.core.api.Assertions.assertThat;

import app.tend.web.commitment.CommitmentApi;
import app.tend.web.couple.CoupleDetailApi.Checkin;
import app.tend.web.couple.CoupleDetailApi.PartnerCheckins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The session-prep PDF, made from a prepared couple and read back: its pages, its words, its charts. */
class SessionPrepTest {

  static final ZoneId ZONE = ZoneId.of("Europe/London");
  static final LocalDate TO = LocalDate.of(2026, 11, 30);
  static final LocalDate FROM = TO.minusDays(13);
  static final UUID ZOE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  static final UUID SAM = UUID.fromString("00000000-0000-0000-0000-00000000000b");

  static SessionPrep.Summary summary() {
    var names = new LinkedHashMap<UUID, String>();
    names.put(ZOE, "Zoë");
    names.put(SAM, "Sam");
    var zoeDays = new ArrayList<Checkin>();
    var samDays = new ArrayList<Checkin>();
    for (int d = 0; d < 14; d++) {
      LocalDate day = FROM.plusDays(d);
      zoeDays.add(new Checkin(day, d % 5, 3, 4, 2, 1 + d % 5, d == 3 ? "Thank you for the tea" : null,
          d == 13 ? "I felt unheard on Sunday 🙁" : null, day.atTime(21, 0).atZone(ZONE).toInstant()));
      if (d % 3 != 0) {
        samDays.add(new Checkin(day, 2, 2, 3, 3, 3, null, "not shared", day.atTime(22, 0).atZone(ZONE).toInstant()));
      }
    }
    var checkins = List.of(new PartnerCheckins(ZOE, true, zoeDays), new PartnerCheckins(SAM, false, samDays));
    var scores = new CoupleDetailApi.CoupleScores("csi-4", "Couples Satisfaction Index (CSI-4)", 0, 21, 13.5, List.of(
        new CoupleDetailApi.PartnerScores(ZOE, List.of(new CoupleDetailApi.Score(TO.minusDays(28), 12, true),
            new CoupleDetailApi.Score(TO.minusDays(1), 15, false))),
        new CoupleDetailApi.PartnerScores(SAM, List.of(new CoupleDetailApi.Score(TO.minusDays(2), 11, true)))));
    var daily = new CommitmentApi.Schedule(CommitmentApi.Kind.DAILY, null, LocalTime.of(20, 0), null);
    var occurrences = List.of(new CommitmentApi.Occurrence(TO, true, true, true, true),
        new CommitmentApi.Occurrence(TO.minusDays(1), false, null, true, true),
        new CommitmentApi.Occurrence(TO.minusDays(2), true, false, true, true));
    var commitments = new CoupleDetailApi.CoupleCommitments(List.of(
        new CoupleDetailApi.PartnerLedger(ZOE, TO, List.of(new CommitmentApi.Commitment(UUID.randomUUID(), true,
            "Put the phone away at dinner", daily, Instant.parse("2026-11-10T10:00:00Z"), false, false, TO.plusDays(1), occurrences)),
            new CommitmentApi.FollowThrough(2, 1, 0, 2 / 3.0)),
        new CoupleDetailApi.PartnerLedger(SAM, TO, List.of(), new CommitmentApi.FollowThrough(0, 0, 0, null))));
    var repair = new CoupleDetailApi.Repair(UUID.randomUUID(), "BROKEN_PROMISE", 3, "ACKNOWLEDGEMENT", ZOE, SAM, false, false,
        Instant.parse("2026-11-29T18:00:00Z"), Instant.parse("2026-11-28T18:00:00Z"), null, List.of(
            new CoupleDetailApi.RepairStep("OPENED", ZOE, null, Instant.parse("2026-11-28T18:00:00Z")),
            new CoupleDetailApi.RepairStep("IMPACT_DESCRIBED", ZOE, "I waited an hour and felt forgotten.",
                Instant.parse("2026-11-28T18:05:00Z")),
            new CoupleDetailApi.RepairStep("BROUGHT_TO_SESSION", ZOE, null, Instant.parse("2026-11-29T18:00:00Z"))));
    var flags = List.of(new CoupleDetailApi.SafetyFlag(UUID.randomUUID(), Instant.parse("2026-11-27T09:30:00Z"), "ACKNOWLEDGED"));
    var notes = List.of(new CoupleDetailApi.SessionNote(UUID.randomUUID(), "Talked about the missed call; both calmer.",
        Instant.parse("2026-11-20T15:00:00Z"), true));
    return new SessionPrep.Summary("Zoë & Sam", names, ZONE, FROM, TO, Instant.parse("2026-11-30T17:00:00Z"), checkins, scores,
        commitments, List.of(repair), flags, notes);
  }

  @Test
  void theSummaryReadsBackWithEverySectionAndItsCharts() throws Exception {
    byte[] pdf = SessionPrep.pdf(summary());
    try (var document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isBetween(2, 4);
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text)
          .contains("Session prep: Zoë & Sam")
          .contains("17 Nov 2026 to 30 Nov 2026")
          .contains("Safety: 1 concern is not resolved")
          .contains("Zoë checked in on 14 of 14 days").contains("Sam checked in on 9 of 14 days")
          .contains("Follow-through").contains("Empathic listening").contains("Connected")
          .contains("cut-off 13.5")
          .contains("Put the phone away at dinner").contains("Follow-through 67% over four weeks: 2 kept, 1 not kept")
          .contains("Sam noticed 1, saw 1 differently")
          .contains("A broken promise").contains("I waited an hour and felt forgotten.")
          .contains("Zoë asked to bring it to the next session")
          .contains("I felt unheard on Sunday").contains("Sam keeps their private reflections to themselves")
          .contains("Talked about the missed call; both calmer.")
          .contains("page 1 of " + document.getNumberOfPages())
          // A reflection Sam did not share never reaches the paper.
          .doesNotContain("not shared");
      // Kept for a person to look at: the file and each page as a picture.
      Path out = Path.of("target", "session-prep");
      Files.createDirectories(out);
      Files.write(out.resolve("session-prep.pdf"), pdf);
      var renderer = new PDFRenderer(document);
      for (int page = 0; page < document.getNumberOfPages(); page++) {
        ImageIO.write(renderer.renderImageWithDPI(page, 80), "png", out.resolve("page-" + (page + 1) + ".png").toFile());
      }
    }
  }

  @Test
  void aQuietFortnightStillMakesASummary() throws Exception {
    var full = summary();
    var quiet = new SessionPrep.Summary(full.coupleName(), full.names(), ZONE, FROM, TO, full.preparedAt(),
        List.of(new PartnerCheckins(ZOE, false, List.of()), new PartnerCheckins(SAM, false, List.of())),
        new CoupleDetailApi.CoupleScores("csi-4", "CSI-4", 0, 21, 13.5, List.of()),
        new CoupleDetailApi.CoupleCommitments(List.of()), List.of(), List.of(), List.of());
    try (var document = Loader.loadPDF(SessionPrep.pdf(quiet))) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("Zoë checked in on 0 of 14 days.").contains("Neither partner has answered it yet.")
          .doesNotContain("Safety:");
    }
  }
}
