package app.tend.web.caseload;

import app.tend.web.caseload.CoupleApi.Couple;
import app.tend.web.caseload.CoupleApi.Person;
import app.tend.web.layout.MainLayout;
import app.tend.web.platform.ActionDialog;
import app.tend.web.platform.StatusLine;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
  private final Map<UUID, CoupleApi.Clinician> clinicians = new HashMap<>();
  private final Map<UUID, CoupleApi.CoupleSafety> safety = new HashMap<>();
  private ZoneId viewerZone = ZoneId.systemDefault();
  private final Paragraph message = new Paragraph();
  private final StatusLine status = new StatusLine();

  CaseloadView(CoupleApi couples) {
    this.couples = couples;
    addClassName("caseload");
    grid.addComponentColumn(this::attention).setHeader("Attention").setAutoWidth(true);
    grid.addColumn(Row::coupleNames).setHeader("Couple").setAutoWidth(true);
    grid.addColumn(row -> row.person().state() == CoupleApi.State.LEFT ? "(erased)" : row.person().firstName() + " " + row.person().lastName())
        .setHeader("Person").setAutoWidth(true);
    grid.addColumn(row -> row.person().state() == CoupleApi.State.LEFT ? "" : row.person().email()).setHeader("E-mail").setAutoWidth(true).setFlexGrow(1);
    grid.addComponentColumn(row -> state(row.person())).setHeader("Invitation").setAutoWidth(true);
    grid.addColumn(row -> clinicianName(row.couple().clinicianId())).setHeader("Clinician").setAutoWidth(true);
    grid.addComponentColumn(this::action).setHeader("").setAutoWidth(true);
    grid.setAllRowsVisible(true);
    grid.getElement().setAttribute("aria-label", "Couples and their invitations");
    message.addClassName("quiet");
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

  /** A safety concern, unmistakable: an icon, a word and a colour, on the couple's first row. */
  private Component attention(Row row) {
    var flags = safety.get(row.couple().id());
    if (flags == null || !row.couple().partners().getFirst().equals(row.person())) {
      return new Span();
    }
    var raised = flags.lastRaisedAt().atZone(viewerZone);
    var label = flags.unacknowledged() > 0
        ? new Span(VaadinIcon.EXCLAMATION_CIRCLE.create(),
            new Span(" Safety concern, raised " + DAY.format(raised) + " " + raised.toLocalTime().withNano(0).withSecond(0)))
        : new Span(VaadinIcon.EXCLAMATION_CIRCLE_O.create(), new Span(" Safety concern acknowledged, not resolved"));
    label.addClassName("safety-flag");
    if (flags.unacknowledged() == 0) {
      label.addClassName("acknowledged");
    }
    var handle = new Button("Handle", click -> SignedIn.current().ifPresent(person ->
        new SafetyFlagsDialog(couples, person, row.couple().id(), row.coupleNames(), firstNames(row.couple()), viewerZone,
            () -> refresh(person)).open()));
    handle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    handle.getElement().setAttribute("aria-label", "Handle the safety concern of " + row.coupleNames());
    var cell = new HorizontalLayout(label, handle);
    cell.setAlignItems(Alignment.CENTER);
    cell.setSpacing(false);
    return cell;
  }

  private static Map<UUID, String> firstNames(Couple couple) {
    var names = new HashMap<UUID, String>();
    couple.partners().stream().filter(p -> p.partnerId() != null && p.state() != CoupleApi.State.LEFT)
        .forEach(p -> names.put(p.partnerId(), p.firstName()));
    return names;
  }

  private static ZoneId zoneOf(Person person) {
    try {
      return ZoneId.of(person.timeZone());
    } catch (RuntimeException e) {
      return ZoneId.of("UTC");
    }
  }

  private String clinicianName(UUID id) {
    var clinician = clinicians.get(id);
    return clinician == null ? "" : clinician.name();
  }

  private Component action(Row row) {
    var actions = new HorizontalLayout();
    actions.setSpacing(false);
    boolean firstOfCouple = row.couple().partners().getFirst().equals(row.person());
    boolean admin = SignedIn.current().map(person -> person.has(SignedIn.CLINIC_ADMIN)).orElse(false);
    if (admin && firstOfCouple) {
      var move = new Button("Change clinician", click -> SignedIn.current().ifPresent(person -> openMove(person, row.couple())));
      move.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
      move.getElement().setAttribute("aria-label", "Change the clinician of " + row.coupleNames());
      actions.add(move);
    }
    if (row.person().state() == CoupleApi.State.ACCEPTED || row.person().state() == CoupleApi.State.LEFT) {
      return actions;
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
    actions.add(renew);
    return actions;
  }

  private void openMove(SignedIn person, Couple couple) {
    var choice = new ComboBox<CoupleApi.Clinician>("Clinician from now on");
    choice.setItems(clinicians.values().stream().filter(CoupleApi.Clinician::active).toList());
    choice.setItemLabelGenerator(CoupleApi.Clinician::name);
    choice.setValue(clinicians.get(couple.clinicianId()));
    var explanation = new Paragraph("The couple's data moves with them: the new clinician sees it, the previous one no longer does.");
    explanation.addClassName("quiet");
    new ActionDialog("Change the clinician of " + new Row(couple, couple.partners().getFirst()).coupleNames(), "Change clinician", () -> {
      couples.assignClinician(person, couple.id(), choice.getValue() == null ? null : choice.getValue().id());
      return "Done: " + choice.getValue().name() + " now works with this couple.";
    }, said -> {
      status.setText(said);
      refresh(person);
    }, choice, explanation).open();
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
    // Times read in the viewer's own zone, once the browser has told it.
    attachEvent.getUI().getPage().retrieveExtendedClientDetails(details -> {
      viewerZone = ZoneId.of(details.getTimeZoneId());
      grid.getDataProvider().refreshAll();
    });
    SignedIn.current().ifPresent(this::refresh);
  }

  private void refresh(SignedIn person) {
    try {
      clinicians.clear();
      couples.clinicians(person).forEach(clinician -> clinicians.put(clinician.id(), clinician));
      safety.clear();
      if (person.has(SignedIn.CLINICIAN)) {
        couples.safetyFlags(person).forEach(flags -> safety.put(flags.coupleId(), flags));
      }
      // Couples with a safety concern first, the latest on top; the rest keep their order.
      var list = couples.couples(person).stream()
          .sorted(java.util.Comparator.comparing((Couple couple) -> safety.containsKey(couple.id()) ? 0 : 1)
              .thenComparing(couple -> safety.containsKey(couple.id()) ? -safety.get(couple.id()).lastRaisedAt().toEpochMilli() : 0L))
          .toList();
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
