package app.tend.web.clinic;

import app.tend.web.platform.StatusLine;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import app.tend.web.settings.DayFields;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalTime;

/** The clinic admin's settings: what new partners are offered, when clinicians are alerted, how often the measure is asked. */
@Route("clinic-settings")
@Menu(order = 310, title = "Clinic settings", icon = "vaadin:cog-o")
@PageTitle("Clinic settings · Tend")
@RolesAllowed(SignedIn.CLINIC_ADMIN)
public class ClinicSettingsView extends VerticalLayout {

  private final ClinicApi clinic;

  ClinicSettingsView(ClinicApi clinic) {
    this.clinic = clinic;
    addClassName("form-page");
    setPadding(true);
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    SignedIn.current().ifPresent(person -> {
      removeAll();
      add(new H1("Clinic settings"));
      try {
        show(person, clinic.settings(person));
      } catch (ApiProblem.Exception e) {
        add(new Paragraph(e.problem().detail()));
      }
    });
  }

  private void show(SignedIn person, ClinicApi.Settings settings) {
    var reminder = time("Daily reminder", settings.defaultReminderTime());
    var quietFrom = time("Quiet from", settings.defaultQuietHoursStart());
    var quietUntil = time("Quiet until", settings.defaultQuietHoursEnd());
    var quiet = new Div(quietFrom, quietUntil);
    quiet.addClassName("pair");
    var defaultsHelp = new Paragraph("What a partner is offered when they join; each partner can change their own.");
    defaultsHelp.addClassName("quiet");

    var drop = new NumberField("Alert when a partner's week falls this far below their month");
    drop.setValue(settings.alertTrendDrop());
    drop.setStep(0.25);
    drop.setMin(0.5);
    drop.setMax(4);
    drop.setStepButtonsVisible(true);
    drop.setHelperText("Points on the 0–4 scale of the trust acts; told in the clinician's daily digest.");
    drop.setWidthFull();
    var days = new IntegerField("Alert after this many days without a check-in");
    days.setValue(settings.alertDaysWithoutCheckin());
    days.setMin(1);
    days.setMax(30);
    days.setStepButtonsVisible(true);
    days.setWidthFull();

    var measure = new RadioButtonGroup<Integer>("Ask the relationship measure (CSI-4)");
    measure.setItems(7, 14, 28);
    measure.setItemLabelGenerator(every -> switch (every) {
      case 7 -> "every week";
      case 14 -> "every two weeks";
      default -> "every four weeks";
    });
    measure.setValue(settings.measureEveryDays());

    var crisis = new TextArea("Crisis contacts");
    crisis.setValue(settings.crisisContacts() == null ? "" : settings.crisisContacts());
    crisis.setMaxLength(1000);
    crisis.setHelperText("Shown quietly to your partners under every saved check-in, so it is there for anyone who says they "
        + "don't feel safe without singling them out. For example your on-call number and a local helpline.");
    crisis.setWidthFull();
    crisis.setMinRows(3);

    var status = new StatusLine();
    var save = new Button("Save settings", click -> {
      try {
        clinic.change(person, new ClinicApi.Settings(reminder.getValue(), quietFrom.getValue(), quietUntil.getValue(), drop.getValue(),
            days.getValue(), measure.getValue(), crisis.getValue()));
        status.setText("Saved.");
      } catch (ApiProblem.Exception e) {
        status.setText(e.problem().detail());
      }
    });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClassName("primary-action");
    add(new H2("For partners joining"), defaultsHelp, reminder, quiet, new H2("Alerts to clinicians"), drop, days,
        new H2("Relationship measure"), measure, new H2("Support for partners"), crisis, status, save);
  }

  private static TimePicker time(String label, LocalTime value) {
    var picker = DayFields.timePicker(label);
    picker.setValue(value);
    picker.setWidthFull();
    return picker;
  }
}
