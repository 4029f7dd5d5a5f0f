package app.tend.web.settings;

import app.tend.web.email.EmailChoices;
import app.tend.web.email.EmailChoicesApi;
import app.tend.web.platform.StatusLine;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import app.tend.web.settings.SettingsApi.Settings;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A partner's settings: their name, their day, which notifications they want, what their clinician
 * may see, and their data (download everything, or erase the account). Each part is saved on its
 * own, so changing the consent never needs anything else.
 */
@Route("settings")
@Menu(order = 60, title = "Settings", icon = "vaadin:cog-o")
@PageTitle("Settings · Tend")
@RolesAllowed(SignedIn.PARTNER)
public class SettingsView extends VerticalLayout {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH);

  private final SettingsApi api;
  private final MyDataApi myData;
  private final EmailChoicesApi emailChoices;

  SettingsView(SettingsApi api, MyDataApi myData, EmailChoicesApi emailChoices) {
    this.api = api;
    this.myData = myData;
    this.emailChoices = emailChoices;
    addClassName("form-page");
    setPadding(true);
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    SignedIn.current().ifPresent(person -> {
      removeAll();
      add(new H1("Settings"));
      try {
        show(person, api.read(person));
      } catch (ApiProblem.Exception e) {
        add(new Paragraph(e.problem().detail()));
      }
    });
  }

  private void show(SignedIn person, Settings settings) {
    var firstName = new TextField("First name", settings.firstName(), "");
    firstName.setWidthFull();
    firstName.setMaxLength(100);
    var lastName = new TextField("Last name", settings.lastName(), "");
    lastName.setWidthFull();
    lastName.setMaxLength(100);
    var email = new TextField("E-mail address (you sign in with it)", settings.email(), "");
    email.setReadOnly(true);
    email.setWidthFull();
    var day = new DayFields(settings.timeZone(), settings.reminderTime(), settings.quietHoursStart(), settings.quietHoursEnd());
    var tellMe = new CheckboxGroup<String>("Tell me when");
    tellMe.setItems(SettingsApi.NOTIFICATION_KINDS.keySet());
    tellMe.setItemLabelGenerator(SettingsApi.NOTIFICATION_KINDS::get);
    tellMe.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
    tellMe.setValue(SettingsApi.NOTIFICATION_KINDS.keySet().stream()
        .filter(kind -> !settings.mutedNotifications().contains(kind)).collect(Collectors.toSet()));
    var savedSettings = new StatusLine();
    var save = new Button("Save my settings", click -> {
      try {
        api.change(person, new SettingsApi.Change(firstName.getValue(), lastName.getValue(), day.timeZone(), day.reminderTime(),
            day.quietHoursStart(), day.quietHoursEnd(), SettingsApi.NOTIFICATION_KINDS.keySet().stream()
                .filter(kind -> !tellMe.getValue().contains(kind)).collect(Collectors.toSet())));
        savedSettings.setText("Saved.");
      } catch (ApiProblem.Exception e) {
        savedSettings.setText(e.problem().detail());
      }
    });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClassName("primary-action");
    add(new H2("About you"), firstName, lastName, email, new H2("Your day"), day, new H2("Notifications"), tellMe,
        savedSettings, save, new H2("Also by e-mail"), new EmailChoices(emailChoices, person));

    var reflections = new Checkbox("My clinician may read my private reflections", settings.reflectionsVisibleToClinician());
    var since = new Paragraph(consentLine(settings));
    since.addClassName("quiet");
    var savedConsent = new StatusLine();
    var saveConsent = new Button("Save my choice", click -> {
      try {
        var now = api.changeConsent(person, reflections.getValue());
        since.setText(consentLine(now));
        savedConsent.setText(now.reflectionsVisibleToClinician()
            ? "Saved. Your clinician may now read your private reflections."
            : "Saved. Your private reflections are now for you alone.");
      } catch (ApiProblem.Exception e) {
        savedConsent.setText(e.problem().detail());
      }
    });
    saveConsent.addClassName("primary-action");
    add(new H2("Who sees what"), new WhoSeesWhat(), reflections, since, savedConsent, saveConsent);

    var download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
        new ByteArrayInputStream(myData.download(person)), "tend-my-data.json", "application/json", -1)), "Download all my data");
    download.getElement().setAttribute("download", true);
    download.addClassName("download");
    var erase = new Button("Erase my account…", click -> new EraseAccountDialog(() -> {
      myData.erase(person);
      // The login is gone too: end this session and say goodbye.
      VaadinSession.getCurrent().getSession().invalidate();
      UI.getCurrent().getPage().setLocation("/goodbye");
    }).open());
    erase.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
    var explain = new Paragraph("Everything Tend holds about you, in one file you can keep (JSON).");
    explain.addClassName("quiet");
    add(new H2("Your data"), explain, download, erase);
  }

  private static String consentLine(Settings settings) {
    return "Your choice since " + DAY.format(settings.consentedAt().atZone(ZoneId.of(settings.timeZone()))) + ".";
  }
}
