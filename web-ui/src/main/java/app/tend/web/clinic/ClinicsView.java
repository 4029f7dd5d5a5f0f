package app.tend.web.clinic;

import app.tend.web.platform.ActionDialog;
import app.tend.web.platform.StatusLine;
import app.tend.web.platform.TimeZones;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.api.Gateway;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
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
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/** The platform operator's clinics (Tend's tenants): create one with its first admin, or deactivate one. */
@Route("clinics")
@Menu(order = 200, title = "Clinics", icon = "vaadin:building-o")
@PageTitle("Clinics · Tend")
@RolesAllowed(SignedIn.PLATFORM_ADMIN)
public class ClinicsView extends VerticalLayout {

  record Clinic(UUID id, String name, String timeZone, boolean active) {}

  private final Gateway gateway;
  private final Grid<Clinic> grid = new Grid<>();
  private final StatusLine status = new StatusLine();

  ClinicsView(Gateway gateway) {
    this.gateway = gateway;
    grid.addColumn(Clinic::name).setHeader("Clinic").setAutoWidth(true).setFlexGrow(1);
    grid.addColumn(Clinic::timeZone).setHeader("Time zone").setAutoWidth(true);
    grid.addComponentColumn(clinic -> clinic.active()
        ? new Span(VaadinIcon.CHECK.create(), new Span(" Active"))
        : new Span(VaadinIcon.BAN.create(), new Span(" Deactivated"))).setHeader("Status").setAutoWidth(true);
    grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
    grid.setAllRowsVisible(true);
    grid.getElement().setAttribute("aria-label", "Clinics");
        var create = new Button("Create a clinic", VaadinIcon.PLUS.create(), click -> SignedIn.current().ifPresent(this::openCreate));
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    var heading = new HorizontalLayout(new H1("Clinics"), create);
    heading.setWidthFull();
    heading.setJustifyContentMode(JustifyContentMode.BETWEEN);
    heading.setAlignItems(Alignment.CENTER);
    heading.getStyle().set("flex-wrap", "wrap");
    add(heading, status, grid);
  }

  private Component actions(Clinic clinic) {
    if (!clinic.active()) {
      return new Span();
    }
    var deactivate = new Button("Deactivate", click -> SignedIn.current().ifPresent(person -> confirmDeactivation(person, clinic)));
    deactivate.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
    deactivate.getElement().setAttribute("aria-label", "Deactivate " + clinic.name());
    return deactivate;
  }

  private void openCreate(SignedIn person) {
    var name = new TextField("Clinic name");
    var zone = new ComboBox<String>("Time zone");
    zone.setItems(TimeZones.CHOICES);
    var first = new TextField("First name");
    var last = new TextField("Last name");
    var email = new EmailField("E-mail");
    var explanation = new Paragraph("The admin gets an e-mail to choose their password, then adds the clinic's clinicians.");
    explanation.addClassName("quiet");
    new ActionDialog("Create a clinic", "Create", () -> {
      gateway.call(person, rest -> rest.post().uri("/api/accounts/clinics").body(Map.of("name", name.getValue(),
          "timeZone", zone.getValue() == null ? "" : zone.getValue(),
          "admin", Map.of("email", email.getValue(), "firstName", first.getValue(), "lastName", last.getValue()))).retrieve().toBodilessEntity());
      return name.getValue().strip() + " is created; its admin gets an e-mail to choose their password.";
    }, said -> done(person, said), name, zone, new H3("Its first clinic admin"), first, last, email, explanation).open();
  }


  private void confirmDeactivation(SignedIn person, Clinic clinic) {
    new ActionDialog("Deactivate " + clinic.name(), "Deactivate", () -> {
      gateway.call(person, rest -> rest.post().uri("/api/accounts/clinics/{id}/deactivation", clinic.id()).retrieve().toBodilessEntity());
      return clinic.name() + " is deactivated.";
    }, said -> done(person, said), new Paragraph("Nobody of this clinic (staff or partners) will be able to sign in, and its open "
        + "invitations stop working. Its data stays until it is erased.")).destructive().open();
  }

  private void done(SignedIn person, String said) {
    status.setText(said);
    refresh(person);
  }


  @Override
  protected void onAttach(AttachEvent attachEvent) {
    SignedIn.current().ifPresent(this::refresh);
  }

  private void refresh(SignedIn person) {
    try {
      grid.setItems(Arrays.asList(gateway.call(person, rest -> rest.get().uri("/api/accounts/clinics").retrieve().body(Clinic[].class))));
      grid.recalculateColumnWidths();
    } catch (ApiProblem.Exception e) {
      status.setText(e.problem().detail());
    }
  }
}
