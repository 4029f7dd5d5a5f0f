package app.tend.web.measure;

import app.tend.web.platform.StatusLine;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The relationship measure (CSI-4 by default) when the clinic's schedule asks it, and the
 * partner's own scores over time. Only they and their clinician see these.
 */
@Route("measure")
@Menu(order = 40, title = "Relationship check", icon = "vaadin:clipboard-heart")
@PageTitle("Relationship check · Tend")
@RolesAllowed(SignedIn.PARTNER)
public class MeasureView extends VerticalLayout {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

  private final MeasureApi measures;
  private final StatusLine status = new StatusLine();

  MeasureView(MeasureApi measures) {
    this.measures = measures;
    addClassName("measure");
    setPadding(true);
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    SignedIn.current().ifPresent(person -> {
      try {
        show(person, measures.current(person));
      } catch (ApiProblem.Exception e) {
        removeAll();
        add(new H1("Relationship check"), new Paragraph(e.problem().detail()));
      }
    });
  }

  private void show(SignedIn person, MeasureApi.Page page) {
    removeAll();
    var definition = page.definition();
    add(new H1("Relationship check"));
    if (page.due()) {
      var intro = new Paragraph(definition.intro());
      intro.addClassName("intro");
      add(intro);
      Map<String, RadioButtonGroup<Integer>> groups = new LinkedHashMap<>();
      for (var item : definition.items()) {
        var group = new RadioButtonGroup<Integer>(item.text());
        group.setItems(item.options().stream().map(MeasureApi.Option::value).toList());
        Map<Integer, String> labels = item.options().stream()
            .collect(Collectors.toMap(MeasureApi.Option::value, MeasureApi.Option::label));
        group.setItemLabelGenerator(labels::get);
        group.addClassName("measure-item");
        // One answer per line keeps the scale in its order, from least to most.
        group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        group.setRequiredIndicatorVisible(true);
        groups.put(item.linkId(), group);
        add(group);
      }
      var save = new Button("Save my answers", click -> {
        if (groups.values().stream().anyMatch(group -> group.getValue() == null)) {
          groups.values().stream().filter(group -> group.getValue() == null).forEach(group -> {
            group.setErrorMessage("Please choose one");
            group.setInvalid(true);
          });
          status.setText("A few questions are still open.");
          return;
        }
        var answers = new LinkedHashMap<String, Integer>();
        groups.forEach((linkId, group) -> answers.put(linkId, group.getValue()));
        try {
          show(person, measures.answer(person, definition.id(), answers));
          status.setText("Saved.");
        } catch (ApiProblem.Exception e) {
          status.setText(e.problem().detail());
        }
      });
      save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      save.addClassName("primary-action");
      add(save);
    } else {
      var next = new Paragraph("Thank you for answering. It comes round again on " + DAY.format(page.nextDueOn())
          + "; your clinic asks it every " + (page.everyDays() == 7 ? "week" : page.everyDays() + " days") + ".");
      add(next);
    }
    add(status);
    history(page);
  }

  private void history(MeasureApi.Page page) {
    var definition = page.definition();
    add(new H2("Over time"));
    if (page.history().isEmpty()) {
      var none = new Paragraph("Your answers show here over time, so you can see how things move.");
      none.addClassName("quiet");
      add(none);
      return;
    }
    String max = String.valueOf((int) definition.scoring().max());
    String words = page.history().stream()
        .map(score -> DAY.format(score.day()) + ": " + (int) score.score() + " of " + max)
        .collect(Collectors.joining("; "));
    Double cutOff = definition.cutOff() == null ? null : definition.cutOff().below();
    add(new Svg(ScoreChart.svg(definition.title(), "Your scores, from 0 to " + max + ". " + words + ".", page.history(),
        definition.scoring().min(), definition.scoring().max(), cutOff)));
    if (cutOff != null) {
      var note = new Paragraph("The dashed line is at " + cutOff + ". Below it, many couples find things hard for a while; "
          + "it is something to talk about with your clinician, not a grade.");
      note.addClassName("quiet");
      add(note);
    }
    // The same scores as words, for anyone who does not see the chart.
    var list = new UnorderedList();
    list.addClassName("score-list");
    page.history().reversed().stream().limit(8)
        .forEach(score -> list.add(new ListItem(DAY.format(score.day()) + ": " + (int) score.score() + " of " + max)));
    add(list);
    var citation = new Paragraph(definition.citation());
    citation.addClassName("quiet");
    citation.addClassName("citation");
    add(citation);
  }
}
