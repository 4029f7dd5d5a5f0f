package app.tend.web.clinic;

import app.tend.web.platform.StatusLine;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The clinic admin's audit log: every read of a couple's data by the clinic's staff, who, what,
 * when and from where, searched by clinician, couple and dates, and downloaded as CSV.
 */
@Route("audit")
@Menu(order = 330, title = "Audit log", icon = "vaadin:records")
@PageTitle("Audit log · Tend")
@RolesAllowed(SignedIn.CLINIC_ADMIN)
public class AuditLogView extends VerticalLayout {

  private static final int PAGE = 100;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM)
      .withLocale(Locale.UK);

  private final ClinicApi clinic;
  private final ComboBox<ClinicApi.Clinician> who = new ComboBox<>("Who read");
  private final ComboBox<ClinicApi.Couple> couple = new ComboBox<>("Whose data");
  private final DatePicker from = new DatePicker("From");
  private final DatePicker to = new DatePicker("To");
  private final Grid<ClinicApi.AuditEntry> grid = new Grid<>();
  private final Button more = new Button("Show older entries");
  private final StatusLine status = new StatusLine();
  private final List<ClinicApi.AuditEntry> shown = new ArrayList<>();
  private Map<UUID, String> staffNames = Map.of();
  private Map<UUID, String> coupleNames = Map.of();
  private ZoneId viewerZone = ZoneId.of("UTC");
  private MergedAudit log = new MergedAudit();

  AuditLogView(ClinicApi clinic) {
    this.clinic = clinic;
    addClassName("audit-page");
    setPadding(true);
    who.setItemLabelGenerator(ClinicApi.Clinician::name);
    who.setClearButtonVisible(true);
    who.setPlaceholder("Anyone");
    couple.setItemLabelGenerator(ClinicApi.Couple::names);
    couple.setClearButtonVisible(true);
    couple.setPlaceholder("Any couple");
    from.setLocale(Locale.UK);
    to.setLocale(Locale.UK);
    from.setValue(LocalDate.now().minusDays(30));
    to.setValue(LocalDate.now());
    for (var field : List.of(who, couple)) {
      field.addValueChangeListener(change -> SignedIn.current().ifPresent(this::search));
    }
    for (var field : List.of(from, to)) {
      field.addValueChangeListener(change -> SignedIn.current().ifPresent(this::search));
    }
    grid.addColumn(entry -> WHEN.format(entry.at().atZone(viewerZone))).setHeader("When").setAutoWidth(true);
    grid.addColumn(entry -> staffNames.getOrDefault(entry.actorId(), "Former staff")).setHeader("Who").setAutoWidth(true);
    grid.addColumn(entry -> coupleNames.getOrDefault(entry.coupleId(), "A couple no longer here")).setHeader("Whose data")
        .setAutoWidth(true);
    grid.addColumn(entry -> AuditWords.action(entry.action())).setHeader("What").setAutoWidth(true);
    grid.addColumn(entry -> entry.clientAddress() == null ? "not recorded" : entry.clientAddress()).setHeader("From where")
        .setAutoWidth(true);
    grid.setAllRowsVisible(true);
    grid.getElement().setAttribute("aria-label", "Reads of couples' data");
    more.addClickListener(click -> SignedIn.current().ifPresent(this::showMore));
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    attachEvent.getUI().getPage().retrieveExtendedClientDetails(details -> {
      viewerZone = ZoneId.of(details.getTimeZoneId());
      grid.getDataProvider().refreshAll();
    });
    SignedIn.current().ifPresent(person -> {
      removeAll();
      var explain = new Paragraph("Every time the clinic's staff opened a couple's data, and from where. Kept as the clinic's record.");
      explain.addClassName("quiet");
      var filters = new Div(who, couple, from, to);
      filters.addClassName("filters");
      var csv = new Anchor(DownloadHandler.fromInputStream(download -> {
        byte[] file = csv(person).getBytes(StandardCharsets.UTF_8);
        return new DownloadResponse(new ByteArrayInputStream(file), "tend-audit-" + from.getValue() + "-to-" + to.getValue() + ".csv",
            "text/csv; charset=utf-8", file.length);
      }), "Download these entries as CSV");
      csv.addClassName("csv-download");
      add(new H1("Audit log"), explain, filters, csv, status, grid, more);
      try {
        var clinicians = new ArrayList<>(clinic.clinicians(person));
        clinicians.add(new ClinicApi.Clinician(person.id(), null, person.name(), "(you)", true));
        var couples = clinic.couples(person);
        who.setItems(clinicians);
        couple.setItems(couples);
        staffNames = clinicians.stream().collect(Collectors.toMap(ClinicApi.Clinician::id, ClinicApi.Clinician::name, (a, b) -> a));
        coupleNames = couples.stream().collect(Collectors.toMap(ClinicApi.Couple::id, ClinicApi.Couple::names, (a, b) -> a));
        search(person);
      } catch (ApiProblem.Exception e) {
        status.setText(e.problem().detail());
      }
    });
  }

  private void search(SignedIn person) {
    shown.clear();
    log = new MergedAudit();
    showMore(person);
  }

  private void showMore(SignedIn person) {
    try {
      shown.addAll(log.next(fetch(person), PAGE));
      grid.setItems(shown);
      more.setVisible(log.hasMore());
      status.setText(shown.isEmpty() ? "Nothing was read in this time." : shown.size() + (log.hasMore() ? " newest entries shown." : " entries."));
    } catch (ApiProblem.Exception e) {
      status.setText(e.problem().detail());
    }
  }

  /** Pages of the search as the fields now say, from either service. */
  private MergedAudit.Fetch fetch(SignedIn person) {
    Instant since = from.getValue() == null ? null : from.getValue().atStartOfDay(viewerZone).toInstant();
    Instant until = to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(viewerZone).toInstant();
    UUID actor = who.getValue() == null ? null : who.getValue().id();
    UUID coupleId = couple.getValue() == null ? null : couple.getValue().id();
    return (source, before, limit) -> clinic.audit(person, source.path, actor, coupleId, since, until, before, limit);
  }

  /** Every entry the search finds, newest first as on the page, up to {@link AuditWords#MAX_CSV_ROWS}. */
  private String csv(SignedIn person) {
    var entries = new ArrayList<ClinicApi.AuditEntry>();
    var all = new MergedAudit();
    var fetch = fetch(person);
    while (all.hasMore() && entries.size() < AuditWords.MAX_CSV_ROWS) {
      entries.addAll(all.next(fetch, 500));
    }
    return AuditWords.csv(entries, staffNames, coupleNames);
  }
}
