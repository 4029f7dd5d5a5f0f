package app.tend.e2e;

import static app.tend.e2e.Browsers.heading;
import static app.tend.e2e.Browsers.save;
import static app.tend.e2e.Browsers.signIn;
import static app.tend.e2e.Browsers.tap;
import static app.tend.e2e.Browsers.waitUpTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.tend.infra.stack.DemoData;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A commitment made, marked and noticed by two partners in two real browsers; and "I don't feel
 * safe" raised quietly on a phone, reaching the couple's clinician's caseload.
 */
class CommitmentAndSafetyInBrowserE2EIT {

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
  void aQuietSafetyConcernLooksLikeAnySavedCheckinAndTopsTheClinicianCaseload() {
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
    assertThat(flag.getText()).contains("Safety concern");
  }
}
