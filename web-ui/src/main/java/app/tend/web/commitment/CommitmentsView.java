package app.tend.web.commitment;

import app.tend.web.commitment.CommitmentApi.Commitment;
import app.tend.web.commitment.CommitmentApi.Occurrence;
import app.tend.web.platform.ActionDialog;
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
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The partner's commitments: what they committed to and what was committed to them, each due day
 * marked by its author and answered by the other, and their own follow-through over four weeks.
 */
@Route("commitments")
@Menu(order = 20, title = "Commitments", icon = "vaadin:handshake")
@PageTitle("Commitments · Tend")
@RolesAllowed(SignedIn.PARTNER)
public class CommitmentsView extends VerticalLayout {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

  private final CommitmentApi commitments;
  private final StatusLine status = new StatusLine();

  CommitmentsView(CommitmentApi commitments) {
    this.commitments = commitments;
    addClassName("commitments");
    setPadding(true);
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    SignedIn.current().ifPresent(this::load);
  }

  private void load(SignedIn person) {
    removeAll();
    add(new H1("Commitments"));
    CommitmentApi.Page page;
    try {
      page = commitments.page(person);
    } catch (ApiProblem.Exception e) {
      add(new Paragraph(e.problem().detail()));
      return;
    }
    var intro = new Paragraph("Small, concrete promises to each other. Keeping them, day after day, is how trust grows back. "
        + "Nobody keeps every one: what counts is the practice.");
    intro.addClassName("intro");
    var make = new Button("Make a commitment", click -> openForm(person, page.today(), null));
    make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    make.addClassName("primary-action");
    add(intro, followThrough(page.followThrough()), make, status);

    add(new H2("Your commitments"));
    if (page.byMe().isEmpty()) {
      add(quiet("Something small you will do for your partner, like \"I will call if I'm running late\". When it is due, "
          + "you mark whether you kept it, and your partner can say they noticed."));
    }
    page.byMe().forEach(c -> add(card(person, page.today(), c)));
    add(new H2("Made to you"));
    if (page.toMe().isEmpty()) {
      add(quiet("When your partner makes a commitment to you, it shows here."));
    }
    page.toMe().forEach(c -> add(card(person, page.today(), c)));
  }

  private Component followThrough(CommitmentApi.FollowThrough figures) {
    int marked = figures.kept() + figures.notKept();
    if (marked == 0) {
      return quiet("Once you mark a day, your follow-through over the last four weeks shows here.");
    }
    String line = marked > 1
        ? "Over the last four weeks you kept " + figures.kept() + " of the " + marked + " days you marked."
        : figures.kept() == 1
            ? "Over the last four weeks you marked one day, and you kept it."
            : "Over the last four weeks you marked one day, as not kept. Trust is not about being perfect.";
    if (figures.unmarked() > 0) {
      line += " " + figures.unmarked() + (figures.unmarked() == 1 ? " day was" : " days were") + " not marked.";
    }
    var paragraph = new Paragraph(line);
    paragraph.addClassName("follow-through");
    return paragraph;
  }

  private Component card(SignedIn person, LocalDate today, Commitment c) {
    var card = new Div();
    card.addClassName("commitment");
    // The words are the author's own, so they read in the author's voice on both sides.
    var words = new Paragraph((c.byMe() ? "I will " : "From your partner: “I will ") + c.words() + (c.byMe() ? "" : "”"));
    words.addClassName("words");
    var when = new Span(c.withdrawn() ? "Withdrawn" : c.schedule().describe());
    when.addClassName("quiet");
    card.add(words, when);
    // The days that can still be acted on, and any recorded in the last week.
    List<Occurrence> recent = c.occurrences().stream()
        .filter(o -> o.markable() || o.answerable() || !o.dueDate().isBefore(today.minusDays(7)))
        .toList();
    recent.forEach(o -> card.add(c.byMe() ? ownDay(person, c, o, today) : partnersDay(person, c, o, today)));
    if (c.byMe() && !c.withdrawn()) {
      var actions = new HorizontalLayout();
      actions.addClassName("card-actions");
      if (c.changeable()) {
        var change = new Button("Change", click -> openForm(person, today, c));
        change.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        actions.add(change);
      }
      var withdraw = new Button("Withdraw", click -> new ActionDialog("Withdraw this commitment?", "Withdraw", () -> {
        commitments.withdraw(person, c.id());
        return "Withdrawn. What you marked stays in your history.";
      }, this::reloadSaying, new Paragraph("\"I will " + c.words() + "\" will no longer fall due. What you marked so far stays."))
          .destructive().open());
      withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
      withdraw.getElement().setAttribute("aria-label", "Withdraw \"" + c.words() + "\"");
      actions.add(withdraw);
      card.add(actions);
    }
    return card;
  }

  private Component ownDay(SignedIn person, Commitment c, Occurrence o, LocalDate today) {
    var row = dayRow(o, today);
    if (o.markable()) {
      row.add(choice("Kept", Boolean.TRUE.equals(o.kept()), () -> commitments.mark(person, c.id(), o.dueDate(), true), c.words()),
          choice("Not kept", Boolean.FALSE.equals(o.kept()), () -> commitments.mark(person, c.id(), o.dueDate(), false), c.words()));
    } else {
      row.add(new Span(o.kept() == null ? "Not marked" : o.kept() ? "You marked this as kept" : "You marked this as not kept"));
    }
    if (o.noticed() != null) {
      row.add(answered(o.noticed() ? "Your partner noticed" : "Your partner sees it differently"));
    }
    return row;
  }

  private Component partnersDay(SignedIn person, Commitment c, Occurrence o, LocalDate today) {
    var row = dayRow(o, today);
    if (o.kept() == null) {
      row.add(new Span("Not marked yet"));
      return row;
    }
    row.add(new Span(o.kept() ? "Marked as kept" : "Marked as not kept"));
    if (o.answerable()) {
      row.add(choice("I noticed", Boolean.TRUE.equals(o.noticed()), () -> commitments.answer(person, c.id(), o.dueDate(), true), c.words()),
          choice("I see it differently", Boolean.FALSE.equals(o.noticed()),
              () -> commitments.answer(person, c.id(), o.dueDate(), false), c.words()));
    } else if (o.noticed() != null) {
      row.add(answered(o.noticed() ? "You noticed" : "You see it differently"));
    }
    return row;
  }

  private static HorizontalLayout dayRow(Occurrence o, LocalDate today) {
    var day = new Span(o.dueDate().equals(today) ? "Today" : o.dueDate().equals(today.minusDays(1)) ? "Yesterday" : DAY.format(o.dueDate()));
    day.addClassName("day");
    var row = new HorizontalLayout(day);
    row.addClassName("day-row");
    row.setAlignItems(FlexComponent.Alignment.CENTER);
    row.setWrap(true);
    return row;
  }

  private static Span answered(String words) {
    var span = new Span(words);
    span.addClassName("answered");
    return span;
  }

  /** A choice button; the chosen one is filled, and says so to screen readers too. */
  private Button choice(String label, boolean chosen, Supplier<Occurrence> action, String words) {
    var button = new Button(label, click -> {
      try {
        action.get();
        SignedIn.current().ifPresent(this::load);
        status.setText("Saved.");
      } catch (ApiProblem.Exception e) {
        status.setText(e.problem().detail());
      }
    });
    button.addThemeVariants(chosen ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
    button.getElement().setAttribute("aria-pressed", Boolean.toString(chosen));
    button.getElement().setAttribute("title", label + ": " + words);
    return button;
  }

  private void openForm(SignedIn person, LocalDate today, Commitment existing) {
    var form = new CommitmentForm(today, existing);
    new ActionDialog(existing == null ? "Make a commitment" : "Change this commitment", existing == null ? "Make it" : "Save", () -> {
      if (existing == null) {
        commitments.make(person, form.request());
        return "Made. Your partner can see it now.";
      }
      commitments.change(person, existing.id(), form.request());
      return "Changed.";
    }, this::reloadSaying, form).open();
  }

  private void reloadSaying(String said) {
    SignedIn.current().ifPresent(this::load);
    status.setText(said);
  }


  private static Paragraph quiet(String text) {
    var paragraph = new Paragraph(text);
    paragraph.addClassName("quiet");
    return paragraph;
  }
}
