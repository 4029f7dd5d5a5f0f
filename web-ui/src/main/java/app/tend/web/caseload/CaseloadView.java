package app.tend.web.caseload;

import app.tend.web.caseload.CoupleApi.Couple;
import app.tend.web.caseload.CoupleApi.Person;
import app.tend.web.platform.ActionDialog;
import app.tend.web.platform.StatusLine;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
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
 * where their invitation stands, and enrolling a new couple. For a clinician it is their caseload,
 * attention first: open safety concerns, then repairs brought to session, measures below their
 * cut-off, sharp trend drops and days without check-ins, with each partner's last check-in, the
 * direction of each act over 7 days, and the couple's follow-through.
 */
@Route("caseload")
@Menu(order = 100, title = "Couples", icon = "vaadin:users")
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
  private final Map<UUID, CoupleApi.CaseloadCouple> caseload = new HashMap<>();
  private final TextField search = new TextField();
  // A clinician can narrow the list to the couples the caseload asks attention for.
  private final Checkbox needingAttention = new Checkbox("Only couples needing attention");
  private List<Row> rows = List.of();
  private final Grid.Column<Row> clinicianColumn;
  private final Grid.Column<Row> emailColumn;
  // What a clinician sees of their couples' practice; a clinic admin has no access to it.
  private final List<Grid.Column<Row>> practiceColumns;
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
    emailColumn = grid.addColumn(row -> row.person().state() == CoupleApi.State.LEFT ? "" : row.person().email()).setHeader("E-mail")
        .setAutoWidth(true).setFlexGrow(1);
    grid.addComponentColumn(row -> state(row.person())).setHeader("Invitation").setAutoWidth(true);
    clinicianColumn = grid.addColumn(row -> clinicianName(row.couple().clinicianId())).setHeader("Clinician").setAutoWidth(true);
    practiceColumns = List.of(
        grid.addColumn(this::lastCheckin).setHeader("Last check-in").setAutoWidth(true),
        grid.addComponentColumn(this::lastSevenDays).setHeader("Last 7 days").setAutoWidth(true),
        grid.addColumn(this::followThrough).setHeader("Follow-through, 28 days").setAutoWidth(true));
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
    search.setLabel("Find a couple");
    search.setPlaceholder("A first or last name");
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.EAGER);
    search.addValueChangeListener(change -> showRows());
    needingAttention.addValueChangeListener(change -> showRows());
    needingAttention.setVisible(false);
    var filters = new HorizontalLayout(search, needingAttention);
    filters.setAlignItems(Alignment.END);
    filters.getStyle().set("flex-wrap", "wrap");
    add(heading, message, status, filters, grid);
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

  /**
   * What needs attention, on the couple's first row: a safety concern unmistakable (an icon, a word
   * and a colour) with its Handle button, the other reasons each with an icon and words.
   */
  private Component attention(Row row) {
    if (!row.couple().partners().getFirst().equals(row.person())) {
      return new Span();
    }
    // The caseload's safety reason counts the flags nobody has acknowledged yet, since the latest was raised.
    var flags = safetyOf(row.couple().id());
    if (flags == null) {
      return otherReasons(row.couple().id());
    }
    var raised = flags.since().atZone(viewerZone);
    var label = flags.count() > 0
        ? new Span(VaadinIcon.EXCLAMATION_CIRCLE.create(),
            new Span(" Safety concern, raised " + DAY.format(raised) + " " + raised.toLocalTime().withNano(0).withSecond(0)))
        : new Span(VaadinIcon.EXCLAMATION_CIRCLE_O.create(), new Span(" Safety concern acknowledged, not resolved"));
    label.addClassName("safety-flag");
    if (flags.count() == 0) {
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
    var all = new VerticalLayout(cell, otherReasons(row.couple().id()));
    all.setPadding(false);
    all.setSpacing(false);
    return all;
  }

  private CoupleApi.Attention safetyOf(UUID coupleId) {
    var glance = caseload.get(coupleId);
    return glance == null ? null
        : glance.attention().stream().filter(a -> a.reason() == CoupleApi.Reason.SAFETY_CONCERN).findFirst().orElse(null);
  }

  private Component otherReasons(UUID coupleId) {
    var reasons = new VerticalLayout();
    reasons.setPadding(false);
    reasons.setSpacing(false);
    var glance = caseload.get(coupleId);
    if (glance == null) {
      return reasons;
    }
    for (var attention : glance.attention()) {
      Span label = switch (attention.reason()) {
        case SAFETY_CONCERN -> null; // shown with its Handle button above
        case REPAIR_BROUGHT_TO_SESSION -> new Span(VaadinIcon.TOOLS.create(), new Span(" Repair brought to session"));
        case MEASURE_BELOW_CUT_OFF -> new Span(VaadinIcon.CLIPBOARD_TEXT.create(), new Span(" CSI-4 below its cut-off"));
        case TREND_DROP -> new Span(VaadinIcon.ARROW_DOWN.create(), new Span(" Sharp drop in a trend"));
        case DAYS_WITHOUT_CHECKIN -> new Span(VaadinIcon.CLOCK.create(), new Span(" Days without a check-in"));
      };
      if (label != null) {
        label.addClassName("attention-reason");
        reasons.add(label);
      }
    }
    return reasons;
  }

  private String lastCheckin(Row row) {
    var glance = glanceOf(row);
    if (glance == null) {
      return "";
    }
    Integer days = glance.daysWithoutCheckin();
    if (glance.lastCheckinOn() == null) {
      return days == null ? "Not yet" : "Not yet; joined " + ago(days);
    }
    return days == 0 ? "Today" : days == 1 ? "Yesterday" : ago(days);
  }

  private static String ago(int days) {
    return days == 0 ? "today" : days == 1 ? "yesterday" : days + " days ago";
  }

  private static final Map<String, String> ACTS = Map.of("FOLLOW_THROUGH", "Follow-through", "EMPATHIC_LISTENING", "Listening",
      "HONESTY", "Honesty", "MATTERING", "Mattering");

  /** Each act's direction in an arrow and a word, never colour alone; read out whole by screen readers. */
  private Component lastSevenDays(Row row) {
    var glance = glanceOf(row);
    var cell = new Span();
    if (glance == null) {
      return cell;
    }
    List<String> spoken = new ArrayList<>();
    for (String act : List.of("FOLLOW_THROUGH", "EMPATHIC_LISTENING", "HONESTY", "MATTERING")) {
      var direction = glance.directions().getOrDefault(act, CoupleApi.Direction.UNKNOWN);
      String word = switch (direction) {
        case UP -> "↑ stronger";
        case DOWN -> "↓ harder";
        case STEADY -> "→ steady";
        case UNKNOWN -> "· too few days";
      };
      var part = new Span(ACTS.get(act) + " " + word);
      part.addClassName("direction-" + direction.name().toLowerCase(Locale.ROOT));
      cell.add(part);
      spoken.add(ACTS.get(act) + ": " + word.substring(2));
    }
    cell.addClassName("directions");
    cell.getElement().setAttribute("aria-label", String.join(", ", spoken));
    return cell;
  }

  private String followThrough(Row row) {
    var glance = caseload.get(row.couple().id());
    if (glance == null || !row.couple().partners().getFirst().equals(row.person())) {
      return "";
    }
    return glance.followThrough() == null ? "Nothing marked yet" : Math.round(glance.followThrough() * 100) + "% kept";
  }

  private CoupleApi.PartnerGlance glanceOf(Row row) {
    var glance = caseload.get(row.couple().id());
    if (glance == null || row.person().partnerId() == null) {
      return null;
    }
    return glance.partners().stream().filter(p -> p.partnerId().equals(row.person().partnerId())).findFirst().orElse(null);
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
    boolean clinician = SignedIn.current().map(person -> person.has(SignedIn.CLINICIAN)).orElse(false);
    if (clinician && firstOfCouple && caseload.containsKey(row.couple().id())) {
      var open = new Button("Open", click -> getUI().ifPresent(ui -> ui.navigate(app.tend.web.couple.CoupleView.class,
          new com.vaadin.flow.router.RouteParameters("coupleId", row.couple().id().toString()))));
      open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
      open.getElement().setAttribute("aria-label", "Open " + row.coupleNames());
      actions.add(open);
    }
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

  /**
   * The rows whose couple has a partner matching the search (and, when asked, needs attention),
   * whole couples together.
   */
  private void showRows() {
    String wanted = search.getValue().strip().toLowerCase(Locale.ROOT);
    boolean attentionOnly = needingAttention.getValue();
    grid.setItems(rows.stream()
        .filter(row -> wanted.isEmpty() || row.couple().partners().stream().anyMatch(p ->
            (p.firstName() + " " + p.lastName()).toLowerCase(Locale.ROOT).contains(wanted)))
        .filter(row -> !attentionOnly || caseload.containsKey(row.couple().id()) && !caseload.get(row.couple().id()).attention().isEmpty())
        .toList());
    grid.recalculateColumnWidths();
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
      caseload.clear();
      Map<UUID, Integer> order = new HashMap<>();
      // A clinician's couples are all their own; a clinic admin sees whose they are, not their practice.
      clinicianColumn.setVisible(person.has(SignedIn.CLINIC_ADMIN));
      // A clinician's row has the practice at a glance instead of the address, which the admin manages.
      emailColumn.setVisible(!person.has(SignedIn.CLINICIAN));
      practiceColumns.forEach(column -> column.setVisible(person.has(SignedIn.CLINICIAN)));
      needingAttention.setVisible(person.has(SignedIn.CLINICIAN));
      if (person.has(SignedIn.CLINICIAN)) {
        var attentionFirst = couples.caseload(person);
        for (int i = 0; i < attentionFirst.size(); i++) {
          caseload.put(attentionFirst.get(i).coupleId(), attentionFirst.get(i));
          order.put(attentionFirst.get(i).coupleId(), i);
        }
      }
      // The caseload's order (attention first); couples it does not know yet, e.g. just enrolled, after it.
      var list = couples.couples(person).stream()
          .sorted(java.util.Comparator.comparing((Couple couple) -> order.getOrDefault(couple.id(), Integer.MAX_VALUE)))
          .toList();
      List<Row> all = new ArrayList<>();
      list.forEach(couple -> couple.partners().forEach(partner -> all.add(new Row(couple, partner))));
      rows = all;
      showRows();
      message.setText(list.isEmpty() ? "No couples are enrolled with you yet. Enrol one, and both partners get an invitation by e-mail."
          : list.size() == 1 ? "1 couple" : list.size() + " couples");
    } catch (ApiProblem.Exception e) {
      message.setText(e.problem().detail());
    }
  }
}
