package app.tend.e2e;

import static app.tend.e2e.Browsers.heading;
import static app.tend.e2e.Browsers.save;
import static app.tend.e2e.Browsers.tap;
import static app.tend.e2e.Browsers.waitUpTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.tend.testkit.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person invited by their clinician opens the link from their e-mail on a phone, chooses a
 * password and their settings, accepts the consent and lands signed in on Today; the link then
 * says it was used.
 */
class JoinInBrowserE2EIT {

  private WebDriver invited;
  private WebDriver later;

  @BeforeEach
  void browsers() {
    RunningTend.stack();
    invited = Browsers.phone();
    later = Browsers.phone();
  }

  @AfterEach
  void close() throws Exception {
    save(invited, "join-landed.png");
    save(later, "join-link-used.png");
    for (WebDriver driver : new WebDriver[] {invited, later}) {
      if (driver != null) {
        driver.quit();
      }
    }
  }

  @Test
  void anInvitedPartnerJoinsFromTheEmailLinkAndLandsOnToday() throws Exception {
    String email = "kim-" + UUID.randomUUID().toString().substring(0, 8) + "@home.test";
    enrolWithMaya(email, "kit-" + UUID.randomUUID().toString().substring(0, 8) + "@home.test");
    var mail = TestInfrastructure.mail().awaitMessage(email, 1, Duration.ofSeconds(60));
    assertThat(mail.subject()).isEqualTo("Maya Okafor invited you to Tend");
    String link = mail.link(RunningTend.stack().webUiUrl() + "/join/").orElseThrow();

    invited.get(link);
    heading(invited, "Welcome to Tend");
    assertThat(invited.findElement(By.tagName("body")).getText())
        .contains("Maya Okafor at Riverside Couples Clinic has invited you to Tend.")
        .contains("Your partner never sees your ratings, your private reflections");
    type(invited, "vaadin-password-field", "Choose a password", "a walk by the river");
    type(invited, "vaadin-password-field", "Type it again", "a walk by the river");
    tap(invited, invited.findElement(By.xpath("//vaadin-checkbox[./label[contains(normalize-space(), 'I have read what my partner')]]//input")));
    save(invited, "join-form.png");
    tap(invited, invited.findElement(By.xpath("//vaadin-button[normalize-space()='Join Tend']")));

    // Signed in with the password just chosen: straight to today's check-in, no second sign-in.
    heading(invited, "How did today go?");
    assertThat(invited.getCurrentUrl()).endsWith("/today");

    later.get(link);
    heading(later, "This invitation has been used");
    assertThat(later.findElement(By.tagName("body")).getText()).contains("please tell Riverside Couples Clinic");
  }

  private static void type(WebDriver driver, String component, String label, String text) {
    WebElement input = waitUpTo(driver, 30).until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//" + component + "[./label[@slot='label' and normalize-space()='" + label + "']]//input")));
    tap(driver, input);
    input.sendKeys(text);
  }

  /** Maya enrols a new couple through the gateway, as the couples page does. */
  private static void enrolWithMaya(String first, String second) throws Exception {
    String maya = RunningTend.token("maya.okafor@riverside.demo");
    String body = """
        {"partners": [
          {"person": {"email": "%s", "firstName": "Kim", "lastName": "Novak"}, "timeZone": "Europe/Berlin"},
          {"person": {"email": "%s", "firstName": "Kit", "lastName": "Novak"}, "timeZone": "Europe/Berlin"}]}
        """.formatted(first, second);
    var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(RunningTend.stack().gatewayUrl() + "/api/accounts/couples"))
        .header("Authorization", "Bearer " + maya).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }
}
