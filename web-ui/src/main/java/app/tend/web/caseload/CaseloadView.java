package app.tend.web.caseload;

import app.tend.web.caseload.CoupleApi.Couple;
import app.tend.web.caseload.CoupleApi.Person;
import app.tend.web.layout.MainLayout;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The couples a clinician is assigned (a clinic admin sees the clinic's), one row per person with
 * where their invitation stands, and enrolling a new couple. The fuller caseload with flags and
 * trends belongs to the clinician workspace.
 */
@Route(value = "caseload", layout = MainLayout.class)
@PageTitle("Couples · Tend")
@RolesAllowed({SignedIn.CLINICIAN, SignedIn.CLINIC_ADMIN})
public class CaseloadView extends VerticalLayout {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.UK);

  /** One person on the list, with their couple's names for the first column. */
  record Row(Couple couple, Person person) {
    String coupleNames() {
      return couple.partners().stream().filter(p -> p.state() != CoupleApi.State.LEFT).map(Person::firstName).collect(Collectors.joining(" & "));
    }
  }

  private final CoupleApi couples;
  private final Grid<Row> grid = new Grid<>();
  private final Paragraph message = new Paragraph();
  private final Div status = new Div();

  CaseloadView(CoupleApi couples) {
    this.couples = couples;
    addClassName("caseload");
    grid.addColumn(Row::coupleNames).setHeader("Couple").setAutoWidth(true);
    grid.addColumn(row -> row.person().state() == CoupleApi.State.LEFT ? "(erased)" : row.person().firstName() + " " + row.person().lastName())
        .setHeader("Person").setAutoWidth(true);
    grid.addColumn(row -> row.person().state() == CoupleApi.State.LEFT ? "" : row.person().email()).setHeader("E-mail").setAutoWidth(true).setFlexGrow(1);
    grid.addComponentColumn(row -> state(row.person())).setHeader("Invitation").setAutoWidth(true);
    grid.addComponentColumn(this::action).setHeader("").setAutoWidth(true);
    grid.setAllRowsVisible(true);
    grid.getElement().setAttribute("aria-label", "Couples and their invitations");
    message.addClassName("quiet");
    status.addClassName("status");
    status.getElement().setAttribute("role", "status");
    status.getElement().setAttribute("aria-live", "polite");
    var enrol = new Button("Enrol a couple", VaadinIcon.PLUS.create(), click -> SignedIn.current().ifPresent(this::openEnrolment));
    enrol.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    var heading = new HorizontalLayout(new H1("Couples"), enrol);
    heading.setWidthFull();
    heading.setJustifyContentMode(JustifyContentMode.BETWEEN);
    heading.setAlignItems(Alignment.CENTER);
    heading.getStyle().set("flex-wrap", "wrap");
    add(heading, message, status, grid);
  }

  /** State in words and an icon, never colour alone. */
  private static Component state(Person person) {
    var until = person.expiresAt() == null ? "" : DAY.format(person.expiresAt().atZone(zoneOf(person)));
    Span label = switch (person.state()) {
      case ACCEPTED -> new Span(VaadinIcon.CHECK.create(), new Span(" Joined"));
      case OPEN -> person.mailDelayed()
          ? new Span(VaadinIcon.WARNING.create(), new Span(" Invited: the e-mail is delayed, Tend keeps trying"))
          : new Span(VaadinIcon.ENVELOPE_O.create(), new Span(person.mailSentAt() == null ? " Invited: e-mail on its way" : " Invited, link works until " + until));
      case EXPIRED -> new Span(VaadinIcon.CLOCK.create(), new Span(" Link expired on " + until));
      case REVOKED -> new Span(VaadinIcon.CLOSE_SMALL.create(), new Span(" Invitation withdrawn"));
      case LEFT -> new Span(VaadinIcon.SIGN_OUT.create(), new Span(" Left Tend"));
    };
    label.addClassName("invitation-state");
    return label;
  }

  private static ZoneId zoneOf(Person person) {
    try {
      return ZoneId.of(person.timeZone());
    } catch (RuntimeException e) {
      return ZoneId.of("UTC");
    }
  }

  private Component action(Row row) {
    if (row.person().state() == CoupleApi.State.ACCEPTED || row.person().state() == CoupleApi.State.LEFT) {
      return new Span();
    }
    var renew = new Button("Send a new link", click -> SignedIn.current().ifPresent(person -> {
      try {
        var renewed = couples.renewInvitation(person, row.person().invitationId());
        status.setText("A new invitation is on its way to " + renewed.email() + ". The earlier link no longer works.");
        refresh(person);
      } catch (ApiProblem.Exception e) {
        status.setText(e.problem().detail());
      }
    }));
    renew.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    renew.getElement().setAttribute("aria-label", "Send " + row.person().firstName() + " a new invitation link");
    return renew;
  }

  private void openEnrolment(SignedIn person) {
    var clinicians = person.has(SignedIn.CLINIC_ADMIN) ? couples.clinicians(person) : List.<CoupleApi.Clinician>of();
    new EnrolCoupleDialog(clinicians, person.has(SignedIn.CLINIC_ADMIN), enrolment -> {
      var couple = couples.enrol(person, enrolment);
      status.setText("Enrolled. Invitations are on their way to " + couple.partners().stream().map(Person::email).collect(Collectors.joining(" and ")) + ".");
      refresh(person);
    }).open();
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    SignedIn.current().ifPresent(this::refresh);
  }

  private void refresh(SignedIn person) {
    try {
      var list = couples.couples(person);
      List<Row> rows = new ArrayList<>();
      list.forEach(couple -> couple.partners().forEach(partner -> rows.add(new Row(couple, partner))));
      grid.setItems(rows);
      grid.recalculateColumnWidths();
      message.setText(list.isEmpty() ? "No couples are enrolled with you yet. Enrol one, and both partners get an invitation by e-mail."
          : list.size() == 1 ? "1 couple" : list.size() + " couples");
    } catch (ApiProblem.Exception e) {
      message.setText(e.problem().detail());
    }
  }
}
