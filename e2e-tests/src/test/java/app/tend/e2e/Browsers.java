package app.tend.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
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

/** Debian's headless Chromium at phone width (or a desk's), and the few moves a person makes with it. */
final class Browsers {

  private Browsers() {}

  static WebDriver phone() {
    return chromium("375,900");
  }

  /** Staff work at a desk: the clinic's pages at laptop width. */
  static WebDriver desktop() {
    return chromium("1280,900");
  }

  private static WebDriver chromium(String windowSize) {
    var options = new ChromeOptions();
    options.setBinary(System.getProperty("tend.chromium", "/usr/bin/chromium"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=" + windowSize);
    var service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(System.getProperty("tend.chromedriver", "/usr/bin/chromedriver")).toFile())
        .build();
    return new ChromeDriver(service, options);
  }

  static WebDriverWait waitUpTo(WebDriver driver, int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds));
  }

  /** Opens {@code path}, which sends the browser to Keycloak's sign-in page, and signs in there. */
  static void signIn(WebDriver driver, String path, String email, String password) {
    driver.get(RunningTend.stack().webUiUrl() + path);
    waitUpTo(driver, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(email);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("kc-login")).click();
  }

  /** Brings the element to the middle of the small screen first, as a person scrolling would. */
  static void tap(WebDriver driver, WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  /** Taps the answer of a labelled radio group, as on the check-in and in the repair dialog. */
  static void choose(WebDriver driver, String group, String answer) {
    WebElement radioGroup = waitUpTo(driver, 30).until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//vaadin-radio-group[./label[@slot='label' and normalize-space()='" + group + "']]")));
    tap(driver, radioGroup.findElement(By.xpath(".//vaadin-radio-button[.//label[normalize-space()='" + answer + "']]")));
  }

  static void heading(WebDriver driver, String text) {
    waitUpTo(driver, 60).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//h1[normalize-space()='" + text + "']")));
  }

  /**
   * What following {@code link} downloads, fetched with the browser's own session cookie (headless
   * Chromium keeps downloads out of reach), so it is exactly what the signed-in person gets.
   */
  static HttpResponse<byte[]> download(WebDriver driver, WebElement link) throws Exception {
    String href = link.getDomProperty("href");
    String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
    var request = HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).timeout(Duration.ofSeconds(60)).GET().build();
    try (var http = HttpClient.newHttpClient()) {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
  }

  /** Keeps a screenshot in {@code target/screenshots} for looking at afterwards. */
  static void save(WebDriver driver, String name) throws Exception {
    if (driver == null) {
      return;
    }
    Path folder = Path.of("target", "screenshots");
    Files.createDirectories(folder);
    Files.write(folder.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
