package app.tend.web.repair;

import app.tend.web.platform.ActionDialog;
import app.tend.web.platform.StatusLine;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The couple's repairs, open ones first, and starting a new one. */
@Route("repairs")
@Menu(order = 30, title = "Repair", icon = "vaadin:tools")
@PageTitle("Repair · Tend")
@RolesAllowed(SignedIn.PARTNER)
public class RepairsView extends VerticalLayout {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

  private final RepairApi repairs;
  private final StatusLine status = new StatusLine();
  private ZoneId zone = ZoneId.of("UTC");

  RepairsView(RepairApi repairs) {
    this.repairs = repairs;
    addClassName("repairs");
    setPadding(true);
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    // Dates read in the partner's own zone, which the browser tells.
    attachEvent.getUI().getPage().retrieveExtendedClientDetails(details -> {
      zone = ZoneId.of(details.getTimeZoneId());
      SignedIn.current().ifPresent(this::load);
    });
  }

  private void load(SignedIn person) {
    removeAll();
    var intro = new Paragraph("When trust is hurt, you can walk through a repair together, one step at a time: how it felt, "
        + "owning it, what will change, and whether it feels repaired. You can bring it to your next session at any point.");
    intro.addClassName("intro");
    var start = new Button("Start a repair", click -> openStart(person));
    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    start.addClassName("primary-action");
    add(new H1("Repair"), intro, start, status);
    try {
      var list = repairs.list(person);
      if (list.isEmpty()) {
        var none = new Paragraph("No repairs yet. Starting one is a brave thing to do, whichever side of it you are on.");
        none.addClassName("quiet");
        add(none);
      }
      list.forEach(repair -> add(card(repair)));
    } catch (ApiProblem.Exception e) {
      status.setText(e.problem().detail());
    }
  }

  private VerticalLayout card(RepairApi.Repair repair) {
    var link = new RouterLink(RepairWords.category(repair.category()), RepairView.class, new RouteParameters("id", repair.id().toString()));
    var title = new H2(link);
    var opened = new Span("Opened " + DAY.format(repair.openedAt().atZone(zone).toLocalDate())
        + (repair.state() == RepairApi.State.CLOSED ? " · feels repaired" : ""));
    opened.addClassName("quiet");
    var card = new VerticalLayout(title, opened);
    card.setPadding(false);
    card.setSpacing(false);
    card.addClassName("repair-card");
    if (repair.state() != RepairApi.State.CLOSED) {
      var now = new Paragraph((repair.myTurn() ? "Your turn: " : "Now: ") + repair.whatNow());
      if (repair.myTurn()) {
        now.addClassName("your-turn");
      }
      card.add(now);
    }
    return card;
  }

  private void openStart(SignedIn person) {
    var what = new RadioButtonGroup<String>("What happened");
    what.setItems(List.of("LIE_OR_CONCEALMENT", "BROKEN_PROMISE", "HURTFUL_WORDS", "OTHER"));
    what.setItemLabelGenerator(RepairWords::category);
    var serious = new RadioButtonGroup<Integer>("How serious did it feel?");
    serious.setItems(1, 2, 3, 4, 5);
    serious.setItemLabelGenerator(RepairWords.SERIOUSNESS::get);
    var side = new RadioButtonGroup<Boolean>("Who was hurt?");
    side.setItems(true, false);
    side.setItemLabelGenerator(hurt -> hurt ? "I was hurt" : "I hurt my partner");
    new ActionDialog("Start a repair", "Start", () -> {
      if (what.getValue() == null || serious.getValue() == null || side.getValue() == null) {
        throw new ApiProblem.Exception(new ApiProblem(400, "Some answers need another look",
            "Please answer all three: what happened, how serious it felt, and who was hurt."));
      }
      var opened = repairs.open(person, new RepairApi.Open(what.getValue(), serious.getValue(), side.getValue()));
      UI.getCurrent().navigate(RepairView.class, new RouteParameters("id", opened.id().toString()));
      return "";
    }, said -> { }, what, serious, side).open();
  }
}
