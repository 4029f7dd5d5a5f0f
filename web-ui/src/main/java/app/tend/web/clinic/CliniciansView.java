package app.tend.web.clinic;

import app.tend.web.clinic.ClinicApi.Clinician;
import app.tend.web.platform.ActionDialog;
import app.tend.web.platform.StatusLine;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.function.Supplier;

/** A clinic admin's clinicians: add one, correct a name, or stop someone who has left from signing in. */
@Route("clinicians")
@Menu(order = 300, title = "Clinicians", icon = "vaadin:doctor")
@PageTitle("Clinicians · Tend")
@RolesAllowed(SignedIn.CLINIC_ADMIN)
public class CliniciansView extends VerticalLayout {

  private final ClinicApi clinic;
  private final Grid<Clinician> grid = new Grid<>();
  private final StatusLine status = new StatusLine();

  CliniciansView(ClinicApi clinic) {
    this.clinic = clinic;
    grid.addColumn(Clinician::name).setHeader("Name").setAutoWidth(true);
    grid.addColumn(Clinician::email).setHeader("E-mail").setAutoWidth(true).setFlexGrow(1);
    grid.addComponentColumn(clinician -> clinician.active()
        ? new Span(VaadinIcon.CHECK.create(), new Span(" Can sign in"))
        : new Span(VaadinIcon.BAN.create(), new Span(" Deactivated"))).setHeader("Status").setAutoWidth(true);
    grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
    grid.setAllRowsVisible(true);
    grid.getElement().setAttribute("aria-label", "Clinicians");
        var add = new Button("Add a clinician", VaadinIcon.PLUS.create(), click -> SignedIn.current().ifPresent(this::openAdd));
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    var heading = new HorizontalLayout(new H1("Clinicians"), add);
    heading.setWidthFull();
    heading.setJustifyContentMode(JustifyContentMode.BETWEEN);
    heading.setAlignItems(Alignment.CENTER);
    heading.getStyle().set("flex-wrap", "wrap");
    add(heading, status, grid);
  }

  private Component actions(Clinician clinician) {
    var rename = new Button("Rename", click -> SignedIn.current().ifPresent(person -> openRename(person, clinician)));
    rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    rename.getElement().setAttribute("aria-label", "Rename " + clinician.name());
    if (!clinician.active()) {
      return rename;
    }
    var deactivate = new Button("Deactivate", click -> SignedIn.current().ifPresent(person -> confirmDeactivation(person, clinician)));
    deactivate.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
    deactivate.getElement().setAttribute("aria-label", "Deactivate " + clinician.name());
    return new HorizontalLayout(rename, deactivate);
  }

  private void openAdd(SignedIn person) {
    var first = new TextField("First name");
    var last = new TextField("Last name");
    var email = new EmailField("E-mail (they sign in with it)");
    form("Add a clinician", "Add", () -> {
      var added = clinic.add(person, email.getValue(), first.getValue(), last.getValue());
      return added.name() + " is added.";
    }, first, last, email).open();
  }

  private void openRename(SignedIn person, Clinician clinician) {
    var first = new TextField("First name", clinician.firstName(), "");
    var last = new TextField("Last name", clinician.lastName(), "");
    form("Rename " + clinician.name(), "Save", () -> "Renamed to " + clinic.rename(person, clinician.id(), first.getValue(), last.getValue()).name() + ".",
        first, last).open();
  }

  private void confirmDeactivation(SignedIn person, Clinician clinician) {
    var explanation = new Paragraph(clinician.firstName() + " will no longer be able to sign in. Couples they work with must be "
        + "assigned to another clinician first (on Couples).");
    form("Deactivate " + clinician.name(), "Deactivate", () -> {
      clinic.deactivate(person, clinician.id());
      return clinician.name() + " is deactivated.";
    }, explanation).destructive().open();
  }

  private ActionDialog form(String title, String action, Supplier<String> change, Component... fields) {
    return new ActionDialog(title, action, change, said -> {
      status.setText(said);
      SignedIn.current().ifPresent(this::refresh);
    }, fields);
  }


  @Override
  protected void onAttach(AttachEvent attachEvent) {
    SignedIn.current().ifPresent(this::refresh);
  }

  private void refresh(SignedIn person) {
    try {
      grid.setItems(clinic.clinicians(person));
      grid.recalculateColumnWidths();
    } catch (ApiProblem.Exception e) {
      status.setText(e.problem().detail());
    }
  }
}
