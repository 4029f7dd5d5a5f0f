package app.tend.web.invitation;

import app.tend.web.invitation.InvitationApi.Answers;
import app.tend.web.invitation.InvitationApi.Preview;
import app.tend.web.platform.StatusLine;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.FirstSignIn;
import app.tend.web.settings.DayFields;
import app.tend.web.settings.WhoSeesWhat;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The page an invitation link opens, before the person has a login: who invited them and what Tend
 * is, their name and password, their day (time zone, reminder, quiet hours), and what their
 * clinician and their partner can see. Joining signs them in with the password they just chose.
 */
@Route(value = "join/:token", autoLayout = false)
@PageTitle("Join · Tend")
@AnonymousAllowed
public class JoinView extends VerticalLayout implements BeforeEnterObserver {

  private final InvitationApi invitations;
  private final FirstSignIn firstSignIn;
  private final StatusLine status = new StatusLine();
  private String token;

  JoinView(InvitationApi invitations, FirstSignIn firstSignIn) {
    this.invitations = invitations;
    this.firstSignIn = firstSignIn;
    addClassName("form-page");
    setPadding(true);
      }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    token = event.getRouteParameters().get("token").orElse("");
    removeAll();
    var brand = new Span("Tend");
    brand.addClassName("brand");
    add(brand);
    try {
      var preview = invitations.open(token);
      switch (preview.state()) {
        case OPEN -> showForm(preview);
        case ACCEPTED -> explain("This invitation has been used",
            "Someone has already joined with this link. If that was you, sign in with your e-mail address and your password.",
            "If it was not you, please tell " + preview.clinicName() + " straight away.", signIn(null));
        case EXPIRED -> explain("This invitation has expired",
            "Invitation links work for a limited time, and this one has run out.",
            "Please ask " + preview.clinicName() + " to send you a new one. Nothing is lost: you can join as soon as it arrives.", null);
        case REVOKED -> explain("This invitation was replaced",
            preview.clinicName() + " has sent you a newer invitation or withdrawn this one.",
            "Please use the link in the latest e-mail from Tend, or ask " + preview.clinicName() + " for a new one.", null);
      }
    } catch (ApiProblem.Exception e) {
      if (e.problem().status() == 404) {
        explain("We don't know this link",
            "Please check that the whole link was copied from the e-mail: it is long, and e-mail programs sometimes break it.",
            "If it still does not work, ask your clinic to send you a new invitation.", null);
      } else {
        explain(e.problem().title(), e.problem().detail(), "", null);
      }
    }
  }

  private void explain(String title, String what, String next, Component action) {
    add(new H1(title), new Paragraph(what));
    if (!next.isEmpty()) {
      add(new Paragraph(next));
    }
    if (action != null) {
      add(action);
    }
  }

  private Button signIn(String email) {
    var button = new Button("Sign in", click -> UI.getCurrent().getPage().setLocation(signInAddress(email)));
    button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    button.addClassName("primary-action");
    return button;
  }

  private static String signInAddress(String email) {
    return "/oauth2/authorization/keycloak" + (email == null ? "" : "?login_hint=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
  }

  private void showForm(Preview preview) {
    var until = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH)
        .format(preview.expiresAt().atZone(ZoneId.of(preview.timeZone())));
    var welcome = new Paragraph(preview.invitedBy() + " at " + preview.clinicName() + " has invited you to Tend.");
    welcome.addClassName("lead");
    var about = new Paragraph("Tend is where you and your partner practise trust between your sessions: a one-minute check-in "
        + "each day on four small acts (doing what you said, listening with empathy, being honest, showing your partner "
        + "they matter), small commitments to each other, and a calm way to repair after a hard moment. "
        + "Trust is not about being perfect.");
    var validity = new Paragraph("This link works once, until " + until + ".");
    validity.addClassName("quiet");
    add(new H1("Welcome to Tend"), welcome, about, validity);

    var firstName = new TextField("First name");
    firstName.setValue(preview.firstName());
    firstName.setRequired(true);
    firstName.setMaxLength(100);
    var lastName = new TextField("Last name");
    lastName.setValue(preview.lastName());
    lastName.setRequired(true);
    lastName.setMaxLength(100);
    var email = new TextField("E-mail address (you sign in with it)");
    email.setValue(preview.email());
    email.setReadOnly(true);
    var password = new PasswordField("Choose a password");
    password.setHelperText("At least 8 characters. A few words you will remember work well.");
    password.setRequired(true);
    password.setMaxLength(128);
    var repeat = new PasswordField("Type it again");
    repeat.setRequired(true);
    add(new H2("About you"), fullWidth(firstName), fullWidth(lastName), fullWidth(email), fullWidth(password), fullWidth(repeat));

    var day = new DayFields(preview.timeZone(), preview.reminderTime(), preview.quietHoursStart(), preview.quietHoursEnd());
    add(new H2("Your day"), day);

    var reflections = new Checkbox("My clinician may also read my private reflections");
    var agree = new Checkbox("I have read what my partner and my clinician can see, and I agree");
    add(new H2("Who sees what"), new WhoSeesWhat(), reflections, agree);

    var join = new Button("Join Tend");
    join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    join.addClassName("primary-action");
    join.addClickListener(click -> {
      if (!password.getValue().equals(repeat.getValue())) {
        status.setText("The two passwords are not the same. Please type them again.");
        repeat.clear();
        repeat.focus();
        return;
      }
      try {
        var joined = invitations.accept(token, new Answers(firstName.getValue(), lastName.getValue(), password.getValue(),
            day.timeZone(), day.reminderTime(), day.quietHoursStart(), day.quietHoursEnd(), agree.getValue(), reflections.getValue()));
        join.setEnabled(false);
        if (firstSignIn.signIn(joined.email(), password.getValue())) {
          UI.getCurrent().getPage().setLocation("/");
        } else {
          status.setText("Welcome, " + firstName.getValue().strip() + ". Your account is ready: please sign in once with your new password.");
          UI.getCurrent().getPage().setLocation(signInAddress(joined.email()));
        }
      } catch (ApiProblem.Exception e) {
        status.setText(e.problem().detail());
        status.scrollIntoView();
      }
    });
    add(status, join);
  }

  private static <T extends Component & com.vaadin.flow.component.HasSize> T fullWidth(T field) {
    field.setWidthFull();
    return field;
  }
}
