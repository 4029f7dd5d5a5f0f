package app.tend.web.email;

import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.api.Gateway;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The operator's delivery log: what notification-service delivered in the last day on each channel,
 * and the latest deliveries with every try. Kinds, states and times only: never whom a notification
 * was for or what it said.
 */
@Route("deliveries")
@Menu(order = 210, title = "Delivery log", icon = "vaadin:envelopes-o")
@PageTitle("Delivery log · Tend")
@RolesAllowed(SignedIn.PLATFORM_ADMIN)
public class DeliveryLogView extends VerticalLayout {

  private static final String ALL = "All";

  record Count(String channel, String state, long deliveries) {}

  record Attempt(Instant at, String result, String detail) {}

  record Delivery(UUID id, UUID clinicId, String kind, String channel, String state, int attempts, Instant createdAt, Instant finishedAt,
                  List<Attempt> tries) {}

  record DeliveryLog(List<Count> lastDay, List<Delivery> latest) {}

  private final Gateway gateway;
  private final Grid<Count> counts = new Grid<>();
  private final Grid<Delivery> latest = new Grid<>();
  private final Select<String> state = new Select<>();
  private final Paragraph problem = new Paragraph();
  private ZoneId zone = ZoneId.of("UTC");

  DeliveryLogView(Gateway gateway) {
    this.gateway = gateway;
    counts.addColumn(Count::channel).setHeader("Channel").setAutoWidth(true);
    counts.addColumn(Count::state).setHeader("State").setAutoWidth(true);
    counts.addColumn(Count::deliveries).setHeader("Deliveries").setAutoWidth(true);
    counts.setAllRowsVisible(true);
    counts.getElement().setAttribute("aria-label", "Deliveries in the last 24 hours, by channel and state");

    latest.addColumn(delivery -> time(delivery.createdAt())).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
    latest.addColumn(Delivery::kind).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
    latest.addColumn(Delivery::channel).setHeader("Channel").setAutoWidth(true).setFlexGrow(0);
    latest.addColumn(Delivery::state).setHeader("State").setAutoWidth(true).setFlexGrow(0);
    latest.addColumn(Delivery::attempts).setHeader("Tries").setAutoWidth(true).setFlexGrow(0);
    latest.addColumn(delivery -> delivery.tries().stream()
        .map(attempt -> timeOfDay(attempt.at()) + " " + attempt.result() + (attempt.detail() == null ? "" : " (" + attempt.detail() + ")"))
        .collect(Collectors.joining("; "))).setHeader("Each try").setFlexGrow(1);
    latest.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
    latest.setAllRowsVisible(true);
    latest.getElement().setAttribute("aria-label", "Latest deliveries");

    state.setLabel("Show");
    state.setItems(ALL, "PENDING", "SENT", "SKIPPED", "FAILED");
    state.setValue(ALL);
    state.addValueChangeListener(change -> SignedIn.current().ifPresent(this::load));

    var explain = new Paragraph("Every notification is delivered in Tend's feed, and by e-mail where its recipient wants that. "
        + "An e-mail that cannot be sent is tried again with growing pauses, then marked failed. This log names nobody.");
    explain.addClassName("quiet");
    add(new H1("Delivery log"), explain, new H2("Last 24 hours"), counts, new H2("Latest deliveries"), state, latest, problem);
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    attachEvent.getUI().getPage().retrieveExtendedClientDetails(details -> {
      zone = ZoneId.of(details.getTimeZoneId());
      latest.getDataProvider().refreshAll();
    });
    SignedIn.current().ifPresent(this::load);
  }

  private void load(SignedIn person) {
    String chosen = ALL.equals(state.getValue()) ? "" : "?state=" + state.getValue();
    try {
      var log = gateway.call(person, rest -> rest.get().uri("/api/notifications/deliveries" + chosen).retrieve().body(DeliveryLog.class));
      counts.setItems(log.lastDay());
      latest.setItems(log.latest());
      problem.setText(log.latest().isEmpty() ? "No deliveries to show." : "");
    } catch (ApiProblem.Exception e) {
      problem.setText(e.problem().detail());
    }
  }

  private String timeOfDay(Instant at) {
    return DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withLocale(Locale.UK).format(at.atZone(zone));
  }

  private String time(Instant at) {
    return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM).withLocale(Locale.UK).format(at.atZone(zone));
  }
}
