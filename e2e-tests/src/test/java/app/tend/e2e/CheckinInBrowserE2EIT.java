package app.tend.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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
    riley = chromium();
    sam = chromium();
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

  private static WebDriver chromium() {
    var options = new ChromeOptions();
    options.setBinary(System.getProperty("tend.chromium", "/usr/bin/chromium"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=375,900");
    var service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(System.getProperty("tend.chromedriver", "/usr/bin/chromedriver")).toFile())
        .build();
    return new ChromeDriver(service, options);
  }

  private static WebDriverWait waitUpTo(WebDriver driver, int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds));
  }

  private static void signIn(WebDriver driver, String path, String email) {
    driver.get(RunningTend.stack().webUiUrl() + path);
    waitUpTo(driver, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(email);
    driver.findElement(By.id("password")).sendKeys("tend-demo");
    driver.findElement(By.id("kc-login")).click();
  }

  private static void choose(WebDriver driver, String group, String answer) {
    WebElement radioGroup = waitUpTo(driver, 30).until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//vaadin-radio-group[./label[@slot='label' and normalize-space()='" + group + "']]")));
    tap(driver, radioGroup.findElement(By.xpath(".//vaadin-radio-button[.//label[normalize-space()='" + answer + "']]")));
  }

  /** Brings the element to the middle of the small screen first, as a person scrolling would. */
  private static void tap(WebDriver driver, WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  @Test
  void aPartnersCheckinAppearsOnTheOtherPartnersOpenPage() throws Exception {
    signIn(sam, "/notifications", "sam@riverside.demo");
    waitUpTo(sam, 60).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//h1[normalize-space()='Notifications']")));
    assertThat(sam.findElements(By.cssSelector("li.entry.unread"))).isEmpty();

    signIn(riley, "/today", "riley@riverside.demo");
    waitUpTo(riley, 60).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//h1[normalize-space()='How did today go?']")));
    choose(riley, "Follow-through", "Mostly");
    choose(riley, "Empathic listening", "Fully");
    choose(riley, "Honesty", "Fully");
    choose(riley, "Mattering", "Partly");
    choose(riley, "How connected I felt", "Close");
    tap(riley, riley.findElement(By.cssSelector("vaadin-button.primary-action")));
    waitUpTo(riley, 30).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".status"), "Saved."));

    // No reload: the entry must arrive on the page Sam already has open.
    WebElement arrived = waitUpTo(sam, 30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.entry.unread")));
    assertThat(arrived.getText()).contains("Your partner checked in today");
  }

  private static void save(WebDriver driver, String name) throws Exception {
    Path folder = Path.of("target", "screenshots");
    Files.createDirectories(folder);
    Files.write(folder.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
