package app.tend.web.checkin;

import app.tend.web.platform.StatusLine;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Today's check-in, designed for a phone: the four trust acts and how connected the partner felt,
 * one tap each, saved with one button. It can be changed until the partner's day ends.
 */
@Route("today")
@Menu(order = 10, title = "Today", icon = "vaadin:heart-o")
@PageTitle("Today · Tend")
@RolesAllowed(SignedIn.PARTNER)
public class TodayView extends VerticalLayout {

  private final CheckinApi checkins;
  private final Map<TrustAct, RadioButtonGroup<Integer>> acts = new EnumMap<>(TrustAct.class);
  private final RadioButtonGroup<Integer> connected = new RadioButtonGroup<>("How connected I felt");
  private final Button save = new Button("Save my check-in");
  private final H1 heading = new H1("How did today go?");
  private final Paragraph dayLine = new Paragraph();
  private final StatusLine status = new StatusLine();
  private final TextArea appreciation = new TextArea("Appreciation");
  private final TextArea reflection = new TextArea("Private reflection");
  private final Div fromPartner = new Div();
  private final Checkbox notSafe = new Checkbox("I don't feel safe");
  private final SupportPanel support;
  private LocalDate day;

  TodayView(CheckinApi checkins) {
    this.checkins = checkins;
    this.support = new SupportPanel(checkins);
    addClassName("today");
    setPadding(true);
    dayLine.addClassName("quiet");
    var intro = new Paragraph(
        "Four small acts keep trust alive. For each one, how much did the past day hold? "
            + "There are no wrong answers: trust is not about being perfect.");
    intro.addClassName("intro");
    add(heading, dayLine, intro);

    for (TrustAct act : TrustAct.values()) {
      var group = new RadioButtonGroup<Integer>(act.displayName());
      group.setHelperText(act.wording());
      group.setItems(IntStream.rangeClosed(0, 4).boxed().toList());
      group.setItemLabelGenerator(TrustAct::answer);
      group.addClassName("scale");
      // The act's wording is the question, so it reads before the answers.
      group.addThemeName("helper-above-field");
      group.setRequiredIndicatorVisible(true);
      group.addValueChangeListener(event -> group.setInvalid(false));
      acts.put(act, group);
      add(group);
    }
    connected.setItems(List.of(1, 2, 3, 4, 5));
    connected.setItemLabelGenerator(TrustAct::connected);
    connected.setHelperText("Over the past day, with your partner.");
    connected.addThemeName("helper-above-field");
    connected.addClassName("scale");
    connected.setRequiredIndicatorVisible(true);
    connected.addValueChangeListener(event -> connected.setInvalid(false));
    add(connected);

    // The words are optional, so they stay folded until the person opens them.
    appreciation.setWidthFull();
    appreciation.setMaxLength(500);
    appreciation.setHelperText("Your partner will see this.");
    appreciation.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
    var shared = new Details("Add an appreciation for your partner", appreciation);
    shared.addClassName("words");
    reflection.setWidthFull();
    reflection.setMaxLength(2000);
    reflection.setHelperText("Only you see this.");
    var privately = new Details("A private note for yourself", reflection);
    privately.addClassName("words");
    add(shared, privately);

    // Always there, never loud: the box clears itself once saved, and what follows looks exactly like
    // any saved check-in, so nobody glancing at the screen can tell it was ticked.
    notSafe.addClassName("not-safe");
    notSafe.setHelperText("Only your clinician is told, straight away. Your partner never is.");
    add(notSafe);

    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClassName("primary-action");
    save.addClickListener(click -> save());
        fromPartner.addClassName("from-partner");
    fromPartner.setVisible(false);
    add(save, status, fromPartner, support);
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    SignedIn.current().ifPresent(this::load);
  }

  private void load(SignedIn person) {
    try {
      var today = checkins.today(person);
      day = today.day();
      dayLine.setText(today.day().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(getLocale())));
      if (today.checkin() != null) {
        show(today.checkin());
        say("You checked in today. You can change your answers until the day ends.");
        support.show(person);
      }
      showPartnerAppreciation(today.partnerAppreciation());
    } catch (ApiProblem.Exception e) {
      say(e.problem().detail());
      save.setEnabled(e.problem().status() != 404);
    }
  }

  private void show(CheckinApi.Checkin checkin) {
    acts.get(TrustAct.FOLLOW_THROUGH).setValue(checkin.followThrough());
    acts.get(TrustAct.EMPATHIC_LISTENING).setValue(checkin.empathicListening());
    acts.get(TrustAct.HONESTY).setValue(checkin.honesty());
    acts.get(TrustAct.MATTERING).setValue(checkin.mattering());
    connected.setValue(checkin.connected());
    appreciation.setValue(checkin.appreciation() == null ? "" : checkin.appreciation());
    reflection.setValue(checkin.privateReflection() == null ? "" : checkin.privateReflection());
    save.setText("Save changes");
  }

  private void showPartnerAppreciation(String words) {
    fromPartner.removeAll();
    if (words != null) {
      var heading = new H2("From your partner today");
      fromPartner.add(heading, new Paragraph(words));
    }
    fromPartner.setVisible(words != null);
  }

  private void save() {
    var person = SignedIn.current().orElse(null);
    if (person == null) {
      return;
    }
    boolean raised = false;
    if (notSafe.getValue()) {
      try {
        checkins.raiseSafetyConcern(person);
        notSafe.setValue(false);
        raised = true;
      } catch (ApiProblem.Exception e) {
        say(e.problem().detail());
        return;
      }
    }
    boolean complete = true;
    for (var group : acts.values()) {
      if (group.getValue() == null) {
        group.setErrorMessage("Please choose one");
        group.setInvalid(true);
        complete = false;
      }
    }
    if (connected.getValue() == null) {
      connected.setErrorMessage("Please choose one");
      connected.setInvalid(true);
      complete = false;
    }
    if (!complete) {
      if (raised) {
        // Said the way any partial save would be: the rest can wait, and help is right below.
        acts.values().forEach(group -> group.setInvalid(false));
        connected.setInvalid(false);
        say("Saved. You can finish today's check-in any time until the day ends.");
        support.show(person);
      } else {
        say("A few answers are still open. Each one is a single tap.");
      }
      return;
    }
    var answers = new CheckinApi.Answers(day,
        acts.get(TrustAct.FOLLOW_THROUGH).getValue(), acts.get(TrustAct.EMPATHIC_LISTENING).getValue(),
        acts.get(TrustAct.HONESTY).getValue(), acts.get(TrustAct.MATTERING).getValue(), connected.getValue(),
        appreciation.getValue(), reflection.getValue());
    try {
      show(checkins.submit(person, answers));
      say("Saved. Thank you for taking a minute for the two of you. You can change your answers until the day ends.");
      showPartnerAppreciation(checkins.today(person).partnerAppreciation());
      support.show(person);
    } catch (ApiProblem.Exception e) {
      say(e.problem().detail());
      if (e.problem().status() == 422) {
        load(person); // the day ended while the page was open: show the new day
      }
    }
  }

  private void say(String message) {
    status.setText(message);
  }
}
