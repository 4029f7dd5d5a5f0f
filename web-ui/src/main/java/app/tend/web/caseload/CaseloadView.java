package app.tend.web.caseload;

import app.tend.web.layout.MainLayout;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.api.Gateway;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The couples a clinician is assigned (a clinic admin sees the clinic's). The fuller caseload with
 * flags and trends belongs to the clinician workspace; this lists who is enrolled.
 */
@Route(value = "caseload", layout = MainLayout.class)
@PageTitle("Couples · Tend")
@RolesAllowed({SignedIn.CLINICIAN, SignedIn.CLINIC_ADMIN})
public class CaseloadView extends VerticalLayout {

  record Partner(UUID id, String email, String firstName, String lastName, String timeZone) {}

  record Couple(UUID id, UUID clinicId, UUID clinicianId, List<Partner> partners) {
    String names() {
      return partners.stream().map(p -> p.firstName() + " " + p.lastName()).collect(Collectors.joining(" & "));
    }

    String zones() {
      return partners.stream().map(Partner::timeZone).distinct().collect(Collectors.joining(", "));
    }
  }

  private final Gateway gateway;
  private final Grid<Couple> grid = new Grid<>();
  private final Paragraph message = new Paragraph();

  CaseloadView(Gateway gateway) {
    this.gateway = gateway;
    grid.addColumn(Couple::names).setHeader("Couple").setAutoWidth(true).setFlexGrow(1);
    grid.addColumn(Couple::zones).setHeader("Time zone").setAutoWidth(true);
    grid.setAllRowsVisible(true);
    grid.getElement().setAttribute("aria-label", "Enrolled couples");
    message.addClassName("quiet");
    add(new H1("Couples"), message, grid);
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    SignedIn.current().ifPresent(person -> {
      try {
        var couples = Arrays.asList(gateway.call(person, rest -> rest.get().uri("/api/accounts/couples").retrieve().body(Couple[].class)));
        grid.setItems(couples);
        message.setText(couples.isEmpty() ? "No couples are enrolled with you yet." : couples.size() + " couples");
      } catch (ApiProblem.Exception e) {
        message.setText(e.problem().detail());
      }
    });
  }
}
