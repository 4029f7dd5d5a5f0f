package app.tend.e2e;

import static app.tend.e2e.Browsers.choose;
import static app.tend.e2e.Browsers.heading;
import static app.tend.e2e.Browsers.save;
import static app.tend.e2e.Browsers.signIn;
import static app.tend.e2e.Browsers.tap;
import static app.tend.e2e.Browsers.waitUpTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.tend.infra.stack.DemoData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The partners' practice in two real browsers at phone width: a commitment made, marked and
 * noticed; a repair opened and its first steps taken by each partner in turn; and "I don't feel
 * safe" raised quietly, reaching the couple's clinician's caseload.
 */
class PracticeInBrowserE2EIT {

  private WebDriver sam;
  private WebDriver riley;

  @BeforeEach
  void browsers() {
    RunningTend.stack();
    sam = Browsers.phone();
    riley = Browsers.phone();
  }

  @AfterEach
  void close() throws Exception {
    save(sam, "sam-commitments.png");
    save(riley, "riley-after.png");
    for (WebDriver driver : new WebDriver[] {sam, riley}) {
      if (driver != null) {
        driver.quit();
      }
    }
  }

  private static WebElement card(WebDriver driver, String words) {
    return waitUpTo(driver, 30).until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//div[contains(@class,'commitment')][.//p[contains(normalize-space(), '" + words + "')]]")));
  }

  private static void button(WebDriver driver, WebElement within, String label) {
    tap(driver, waitUpTo(driver, 30).until(d -> within.findElement(By.xpath(".//vaadin-button[normalize-space()='" + label + "']"))));
  }

  private static void saved(WebDriver driver) {
    waitUpTo(driver, 30).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".status"), "Saved"));
  }

  @Test
  void oneMakesAndMarksACommitmentAndTheOtherSaysTheyNoticed() {
    String words = "make coffee for both of us " + UUID.randomUUID().toString().substring(0, 4);
    signIn(sam, "/commitments", "sam@riverside.demo", DemoData.PASSWORD);
    heading(sam, "Commitments");
    tap(sam, sam.findElement(By.xpath("//vaadin-button[normalize-space()='Make a commitment']")));
    waitUpTo(sam, 30).until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//vaadin-text-field[./label[normalize-space()='I will…']]//input"))).sendKeys(words);
    tap(sam, sam.findElement(By.xpath("//vaadin-button[normalize-space()='Make it']")));
    button(sam, card(sam, words), "Kept");
    saved(sam);
    assertThat(card(sam, words).findElement(By.xpath(".//vaadin-button[normalize-space()='Kept']")).getAttribute("aria-pressed"))
        .isEqualTo("true");

    signIn(riley, "/commitments", "riley@riverside.demo", DemoData.PASSWORD);
    heading(riley, "Commitments");
    WebElement madeToRiley = card(riley, words);
    assertThat(madeToRiley.getText()).contains("From your partner").contains("Marked as kept");
    button(riley, madeToRiley, "I noticed");
    saved(riley);

    sam.navigate().refresh();
    waitUpTo(sam, 30).until(d -> card(d, words).getText().contains("Your partner noticed"));
  }

  @Test
  void aQuietSafetyConcernLooksLikeAnySavedCheckinAndTopsTheClinicianCaseload() throws Exception {
    signIn(riley, "/today", "riley@riverside.demo", DemoData.PASSWORD);
    heading(riley, "How did today go?");
    tap(riley, waitUpTo(riley, 30).until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//vaadin-checkbox[contains(@class,'not-safe')]//input"))));
    tap(riley, riley.findElement(By.cssSelector("vaadin-button.primary-action")));
    saved(riley);
    // What shows is the support every saved check-in shows, and the box is clear again.
    WebElement support = waitUpTo(riley, 30).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".support")));
    assertThat(support.getText()).contains("Support, any time").contains("116 016");
    assertThat(riley.findElement(By.cssSelector("vaadin-checkbox.not-safe")).getAttribute("checked")).isNull();
    assertThat(riley.findElement(By.cssSelector(".today")).getText()).doesNotContainIgnoringCase("clinician has been told");

    signIn(sam, "/caseload", "maya.okafor@riverside.demo", DemoData.PASSWORD);
    heading(sam, "Couples");
    WebElement flag = waitUpTo(sam, 30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".safety-flag")));
    assertThat(flag.getText()).contains("Safety concern, raised");

    // Maya acknowledges it with a note; the caseload says so, and it stays on top until resolved.
    tap(sam, sam.findElement(By.xpath("//vaadin-button[normalize-space()='Handle']")));
    waitUpTo(sam, 30).until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//vaadin-text-area[./label[starts-with(normalize-space(), 'What you did')]]//textarea")))
        .sendKeys("Called Riley; safe tonight, talking in Thursday's session.");
    tap(sam, sam.findElement(By.xpath("//vaadin-button[normalize-space()='Acknowledge']")));
    waitUpTo(sam, 30).until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//*[contains(@class, 'status') and contains(., 'Acknowledged.')]")));
    tap(sam, sam.findElement(By.xpath("//vaadin-button[normalize-space()='Close']")));
    waitUpTo(sam, 30).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".safety-flag"),
        "Safety concern acknowledged, not resolved"));

    // Narrowed to the couples needing attention, Riley and Sam are still there.
    tap(sam, sam.findElement(By.xpath("//vaadin-checkbox[.//label[normalize-space()='Only couples needing attention']]")));

    // From the caseload to the couple's page: both partners on one chart per act, and the CSI-4 against its cut-off.
    // The grid redraws its rows after the filter, so a button found a moment earlier may be gone: find it again.
    waitUpTo(sam, 30).ignoring(StaleElementReferenceException.class).until(driver -> {
      tap(driver, driver.findElement(By.xpath("//vaadin-button[normalize-space()='Open' and contains(@aria-label, 'Riley')]")));
      return true;
    });
    heading(sam, "Riley & Sam");
    waitUpTo(sam, 30).until(driver -> driver.findElements(By.cssSelector("svg.couple-chart")).size() >= 5);
    assertThat(sam.findElement(By.cssSelector("svg.couple-chart desc")).getAttribute("textContent")).contains("Riley").contains("Sam");
    heading2(sam, "Commitments");
    heading2(sam, "Repairs");

    // The session-prep summary: a real PDF of the last two weeks, read back.
    var pdf = Browsers.download(sam, sam.findElement(By.cssSelector("a.prep-download")));
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
    try (var document = Loader.loadPDF(pdf.body())) {
      assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1);
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("Session prep: Riley & Sam").contains("At a glance").contains("Follow-through")
          .containsPattern("Safety: \\d+ concerns? (is|are) not resolved").contains("Commitments").contains("Repairs open or active");
      Files.createDirectories(Path.of("target", "screenshots"));
      Files.write(Path.of("target", "screenshots", "session-prep-riley-sam.pdf"), pdf.body());
    }
  }

  private static void heading2(WebDriver driver, String text) {
    waitUpTo(driver, 30).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//h2[normalize-space()='" + text + "']")));
  }

  @Test
  void aRepairIsOpenedByOnePartnerAndTheOtherTakesTheNextStep() {
    String impact = "I felt I did not matter when the plans changed " + UUID.randomUUID().toString().substring(0, 4);
    signIn(sam, "/repairs", "sam@riverside.demo", DemoData.PASSWORD);
    heading(sam, "Repair");
    tap(sam, sam.findElement(By.xpath("//vaadin-button[normalize-space()='Start a repair']")));
    choose(sam, "What happened", "A broken promise");
    choose(sam, "How serious did it feel?", "Quite");
    choose(sam, "Who was hurt?", "I was hurt");
    tap(sam, sam.findElement(By.xpath("//vaadin-button[normalize-space()='Start']")));
    heading(sam, "A broken promise");
    waitUpTo(sam, 30).until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//vaadin-text-area[./label[normalize-space()='How it affected me']]//textarea"))).sendKeys(impact);
    tap(sam, sam.findElement(By.xpath("//vaadin-button[normalize-space()='Share with my partner']")));
    waitUpTo(sam, 30).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".timeline"),
        "You described how it affected you"));

    signIn(riley, "/repairs", "riley@riverside.demo", DemoData.PASSWORD);
    heading(riley, "Repair");
    tap(riley, waitUpTo(riley, 30).until(ExpectedConditions.presenceOfElementLocated(By.linkText("A broken promise"))));
    heading(riley, "A broken promise");
    assertThat(riley.findElement(By.cssSelector(".timeline")).getText()).contains("Your partner described how it affected them")
        .contains(impact);
    waitUpTo(riley, 30).until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//vaadin-text-area[./label[normalize-space()='What I acknowledge, and my part in it']]//textarea")))
        .sendKeys("I changed our plans without asking you. That was mine, and I am sorry.");
    tap(riley, riley.findElement(By.xpath("//vaadin-button[normalize-space()='Share with my partner']")));
    waitUpTo(riley, 30).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".your-turn"),
        "propose what you will do to repair it"));
  }
}
