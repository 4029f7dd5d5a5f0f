package app.tend.e2e;

import static app.tend.e2e.Browsers.heading;
import static app.tend.e2e.Browsers.save;
import static app.tend.e2e.Browsers.signIn;
import static app.tend.e2e.Browsers.tap;
import static app.tend.e2e.Browsers.waitUpTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.tend.infra.stack.DemoData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clinic admin at a desk: a change to the clinic's alert threshold reaches checkin-service and
 * changes what the clinician's caseload asks attention for; the clinic's outcomes as charts; the
 * audit log of those very reads, downloaded as CSV.
 */
class ClinicAdminInBrowserE2EIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private WebDriver admin;

  @BeforeEach
  void browser() {
    RunningTend.stack();
    admin = Browsers.desktop();
  }

  @AfterEach
  void close() throws Exception {
    save(admin, "admin-after.png");
    if (admin != null) {
      admin.quit();
    }
  }

  /** Whether Maya's caseload asks attention for Priya and Tom's days without a check-in. */
  private static boolean tomAndPriyaAway() throws Exception {
    String maya = RunningTend.token("maya.okafor@riverside.demo");
    JsonNode couples = JSON.readTree(RunningTend.send("GET", "/api/accounts/couples", maya, null).body());
    String coupleId = null;
    for (JsonNode couple : couples) {
      for (JsonNode partner : couple.get("partners")) {
        if ("Tom".equals(partner.path("firstName").asString())) {
          coupleId = couple.get("id").asString();
        }
      }
    }
    for (JsonNode couple : JSON.readTree(RunningTend.send("GET", "/api/checkins/caseload", maya, null).body())) {
      if (couple.get("coupleId").asString().equals(coupleId)) {
        for (JsonNode reason : couple.get("attention")) {
          if ("DAYS_WITHOUT_CHECKIN".equals(reason.get("reason").asString())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private void setDaysWithoutCheckin(int days) {
    admin.get(RunningTend.stack().webUiUrl() + "/clinic-settings");
    heading(admin, "Clinic settings");
    WebElement field = waitUpTo(admin, 30).until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//vaadin-integer-field[./label[starts-with(normalize-space(), 'Alert after this many days')]]//input")));
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(days), Keys.TAB);
    tap(admin, admin.findElement(By.xpath("//vaadin-button[normalize-space()='Save settings']")));
    waitUpTo(admin, 30).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".status"), "Saved"));
  }

  @Test
  void theAdminsThresholdReachesTheCaseloadAndTheirOutcomesAndAuditLogShowWhatHappened() throws Exception {
    // Priya and Tom last checked in yesterday at the latest: not yet "away" at the demo's 4 days.
    assertThat(tomAndPriyaAway()).isFalse();
    signIn(admin, "/clinic-settings", "admin@riverside.demo", DemoData.PASSWORD);
    try {
      setDaysWithoutCheckin(1);
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(ClinicAdminInBrowserE2EIT::tomAndPriyaAway);
    } finally {
      setDaysWithoutCheckin(4);
    }
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> !tomAndPriyaAway());

    admin.get(RunningTend.stack().webUiUrl() + "/outcomes");
    heading(admin, "Outcomes");
    var tiles = waitUpTo(admin, 30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".outcome-tiles")));
    // Other tests enrol couples with Maya too, so the counts are at least the demo's.
    assertThat(tiles.getText()).contains("Couples").contains("Below cut-off").containsPattern("of \\d+ couples measured");
    assertThat(admin.findElement(By.cssSelector("svg.couple-chart desc")).getAttribute("textContent")).contains("engagement by week");
    assertThat(admin.findElements(By.cssSelector("svg.bar-chart"))).hasSize(3);
    assertThat(admin.findElement(By.cssSelector("svg.bar-chart desc")).getAttribute("textContent")).containsPattern("Maya Okafor \\(\\d+\\): \\d+%");
    save(admin, "admin-outcomes.png");

    admin.get(RunningTend.stack().webUiUrl() + "/audit");
    heading(admin, "Audit log");
    waitUpTo(admin, 30).until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//vaadin-grid-cell-content[normalize-space()='Caseload at a glance']")));
    save(admin, "admin-audit.png");
    var csv = Browsers.download(admin, admin.findElement(By.cssSelector("a.csv-download")));
    assertThat(csv.statusCode()).isEqualTo(200);
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("time_utc,who,who_id,roles,what,action,couple,couple_id,from_where,request_id")
        .contains("Maya Okafor").contains("Caseload at a glance").contains("Couples list (names and invitations)").contains("Priya Shah & Tom Shah");
  }
}
