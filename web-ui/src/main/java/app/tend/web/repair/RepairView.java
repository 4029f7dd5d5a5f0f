package app.tend.web.repair;

import app.tend.web.commitment.CommitmentForm;
import app.tend.web.platform.StatusLine;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * One repair: every step so far, and the step that is the partner's now, in the order the repair
 * goes. Both partners see the same page, each from their own side.
 */
@Route("repairs/:id")
@PageTitle("Repair · Tend")
@RolesAllowed(SignedIn.PARTNER)
public class RepairView extends VerticalLayout implements BeforeEnterObserver {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.UK);

  private final RepairApi repairs;
  private final StatusLine status = new StatusLine();
  private UUID id;
  private ZoneId zone = ZoneId.of("UTC");

  RepairView(RepairApi repairs) {
    this.repairs = repairs;
    addClassName("repair");
    setPadding(true);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    try {
      id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
    } catch (IllegalArgumentException e) {
      id = null;
    }
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    attachEvent.getUI().getPage().retrieveExtendedClientDetails(details -> {
      zone = ZoneId.of(details.getTimeZoneId());
      SignedIn.current().ifPresent(this::load);
    });
  }

  private void load(SignedIn person) {
    removeAll();
    add(new RouterLink("All repairs", RepairsView.class));
    if (id == null) {
      add(new H1("Repair"), new Paragraph("There is no repair here with that id."));
      return;
    }
    try {
      show(person, repairs.one(person, id));
    } catch (ApiProblem.Exception e) {
      add(new H1("Repair"), new Paragraph(e.problem().detail()));
    }
  }

  private void show(SignedIn person, RepairApi.Repair repair) {
    var about = new Paragraph("It felt " + RepairWords.SERIOUSNESS.get(repair.seriousness()).toLowerCase(Locale.UK) + " serious. "
        + (repair.myRole() == RepairApi.Role.HURT ? "You were hurt." : "You take responsibility for it."));
    about.addClassName("quiet");
    add(new H1(RepairWords.category(repair.category())), about);

    var timeline = new OrderedList();
    timeline.addClassName("timeline");
    for (var step : repair.steps()) {
      var item = new ListItem(new Span(RepairWords.step(step)));
      var when = new Span(WHEN.format(step.at().atZone(zone)));
      when.addClassName("quiet");
      item.add(when);
      if (step.words() != null) {
        var words = new Paragraph(step.words());
        words.addClassName("step-words");
        item.add(words);
      }
      timeline.add(item);
    }
    add(new H2("So far"), timeline);

    if (!repair.actions().isEmpty()) {
      add(new H2(repair.state().ordinal() > RepairApi.State.AGREEMENT.ordinal() ? "Agreed actions" : "Proposed actions"));
      var list = new OrderedList();
      // The actions are the responsible partner's own words, so they read in that partner's voice.
      repair.actions().forEach(action -> list.add(new ListItem(
          (repair.myRole() == RepairApi.Role.RESPONSIBLE ? "I will " + action.words() : "“I will " + action.words() + "”")
              + " (" + action.schedule().describe() + ")")));
      add(list);
    }

    if (repair.state() == RepairApi.State.CLOSED) {
      add(new Paragraph("You both said it feels repaired. Thank you for doing this together."), status);
      return;
    }
    var now = new Paragraph((repair.myTurn() ? "Your turn: " : "Now: ") + repair.whatNow());
    now.addClassName(repair.myTurn() ? "your-turn" : "quiet");
    add(new H2("Now"), now);
    if (repair.myTurn()) {
      add(stepFor(person, repair));
    }
    add(status);
    if (repair.broughtToSession()) {
      var flagged = new Paragraph("This repair will be brought to your next session.");
      flagged.addClassName("quiet");
      add(flagged);
    } else {
      var session = new Button("Bring it to our next session", click -> act(person, r -> repairs.bringToSession(person, r),
          "Your clinician will know you would like to talk about it."));
      session.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
      add(session);
    }
  }

  /** The form for the caller's step, as the repair stands. */
  private Component stepFor(SignedIn person, RepairApi.Repair repair) {
    var form = new Div();
    form.addClassName("step-form");
    switch (repair.state()) {
      case IMPACT -> form.add(wordsStep(person, "How it affected me", "Share with my partner", "impact"));
      case ACKNOWLEDGEMENT -> form.add(wordsStep(person, "What I acknowledge, and my part in it", "Share with my partner",
          "acknowledgement"));
      case ACTIONS -> form.add(actionsStep(person));
      case AGREEMENT -> {
        var agree = primary("These would help", click -> act(person, r -> repairs.answerActions(person, r, true, null),
            "Agreed. The actions are your partner's commitments to you now."));
        var change = new TextArea("What would you change?");
        change.setMaxLength(2000);
        change.setWidthFull();
        var ask = new Button("Ask for a change", click -> act(person,
            r -> repairs.answerActions(person, r, false, change.getValue().isBlank() ? null : change.getValue()),
            "Sent. Your partner will propose again."));
        form.add(agree, change, ask);
      }
      case CLOSING -> form.add(primary("It feels repaired", click -> act(person, r -> repairs.feelsRepaired(person, r),
          repair.partnerFeelsRepaired() ? "You both feel it is repaired." : "Saved. Your partner says it when they are ready.")));
      case CLOSED -> { }
    }
    return form;
  }

  private Component wordsStep(SignedIn person, String label, String action, String step) {
    var words = new TextArea(label);
    words.setMaxLength(2000);
    words.setWidthFull();
    words.setMinRows(3);
    words.setHelperText("Your partner will read this.");
    var share = primary(action, click -> act(person, r -> repairs.words(person, r, step, words.getValue()), "Shared."));
    return new VerticalLayout(words, share);
  }

  private Component actionsStep(SignedIn person) {
    var forms = new ArrayList<CommitmentForm>();
    var list = new VerticalLayout();
    list.setPadding(false);
    Runnable addOne = () -> {
      var form = new CommitmentForm(LocalDate.now(zone));
      form.addClassName("action-form");
      forms.add(form);
      list.add(form);
    };
    addOne.run();
    var another = new Button("Add another action", click -> {
      if (forms.size() < 5) {
        addOne.run();
      }
    });
    another.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    var propose = primary("Propose these actions", click -> act(person,
        r -> repairs.proposeActions(person, r, forms.stream().map(CommitmentForm::request).toList()),
        "Proposed. Your partner will look at them."));
    var help = new Paragraph("Small, concrete things you will do. Once your partner agrees, each becomes one of your commitments.");
    help.addClassName("quiet");
    return new VerticalLayout(help, list, another, propose);
  }

  private static Button primary(String label, com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> listener) {
    var button = new Button(label, listener);
    button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    button.addClassName("primary-action");
    return button;
  }

  /** Takes a step; on success shows the repair as it now stands, otherwise the service's words. */
  private void act(SignedIn person, Function<UUID, RepairApi.Repair> step, String said) {
    try {
      step.apply(id);
      load(person);
      status.setText(said);
    } catch (ApiProblem.Exception e) {
      status.setText(e.problem().detail());
    }
  }
}
