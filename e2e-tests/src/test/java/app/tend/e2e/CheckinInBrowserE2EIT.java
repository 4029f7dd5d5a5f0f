package app.tend.e2e;

import static app.tend.e2e.Browsers.choose;
import static app.tend.e2e.Browsers.save;
import static app.tend.e2e.Browsers.signIn;
import static app.tend.e2e.Browsers.tap;
import static app.tend.e2e.Browsers.waitUpTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.tend.infra.stack.DemoData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Two partners in two real browsers (Debian's Chromium): one checks in on a phone-width page, the
 * other sees "Your partner checked in today" arrive on their open page without reloading it.
 */
class CheckinInBrowserE2EIT {

  private WebDriver riley;
  private WebDriver sam;

  @BeforeEach
  void browsers() {
    RunningTend.stack();
    riley = Browsers.phone();
    sam = Browsers.phone();
  }

  @AfterEach
  void close() throws Exception {
    // Kept for looking at afterwards, whether the test passed or not.
    save(sam, "sam-notifications.png");
    save(riley, "riley-today.png");
    for (WebDriver driver : new WebDriver[] {riley, sam}) {
      if (driver != null) {
        driver.quit();
      }
    }
  }

  @Test
  void aPartnersCheckinAppearsOnTheOtherPartnersOpenPage() throws Exception {
    signIn(sam, "/notifications", "sam@riverside.demo", DemoData.PASSWORD);
    waitUpTo(sam, 60).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//h1[normalize-space()='Notifications']")));
    // Other tests may have left Sam news of their own; this one looks for the check-in's.
    assertThat(sam.findElements(By.xpath("//li[contains(@class, 'unread')][contains(., 'Your partner checked in today')]"))).isEmpty();

    signIn(riley, "/today", "riley@riverside.demo", DemoData.PASSWORD);
    waitUpTo(riley, 60).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//h1[normalize-space()='How did today go?']")));
    choose(riley, "Follow-through", "Mostly");
    choose(riley, "Empathic listening", "Fully");
    choose(riley, "Honesty", "Fully");
    choose(riley, "Mattering", "Partly");
    choose(riley, "How connected I felt", "Close");
    tap(riley, riley.findElement(By.cssSelector("vaadin-button.primary-action")));
    waitUpTo(riley, 30).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".status"), "Saved."));

    // No reload: the entry must arrive on the page Sam already has open.
    WebElement arrived = waitUpTo(sam, 30).until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//li[contains(@class, 'entry') and contains(@class, 'unread')][contains(., 'Your partner checked in today')]")));
    assertThat(arrived.isDisplayed()).isTrue();
  }
}
