package app.tend.web.commitment;

import app.tend.web.commitment.CommitmentApi.Kind;
import app.tend.web.settings.DayFields;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** What a partner commits to and when, for making or changing a commitment, or proposing a repair action. */
public class CommitmentForm extends VerticalLayout {

  private final TextField words = new TextField("I will…");
  private final RadioButtonGroup<Kind> when = new RadioButtonGroup<>("When");
  private final DatePicker date = new DatePicker("On");
  private final Select<DayOfWeek> day = new Select<>();
  private final TimePicker time = DayFields.timePicker("By");

  /** A form for a new commitment. */
  public CommitmentForm(LocalDate today) {
    this(today, null);
  }

  CommitmentForm(LocalDate today, CommitmentApi.Commitment existing) {
    setPadding(false);
    words.setMaxLength(200);
    words.setRequired(true);
    words.setWidthFull();
    words.setPlaceholder("call if I'm running late");
    words.setHelperText("Something small and concrete works best.");
    when.setItems(Kind.values());
    when.setItemLabelGenerator(kind -> switch (kind) {
      case ONCE -> "Once";
      case DAILY -> "Every day";
      case WEEKDAYS -> "On weekdays";
      case WEEKLY -> "Once a week";
    });
    date.setMin(today);
    date.setLocale(Locale.UK);
    day.setLabel("Every");
    day.setItems(DayOfWeek.values());
    day.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.FULL, Locale.UK));
    time.setHelperText("Your own time.");
    when.addValueChangeListener(change -> showFieldsFor(change.getValue()));
    if (existing == null) {
      when.setValue(Kind.DAILY);
      time.setValue(LocalTime.of(20, 0));
      date.setValue(today);
      day.setValue(today.getDayOfWeek());
    } else {
      words.setValue(existing.words());
      var schedule = existing.schedule();
      when.setValue(Kind.valueOf(schedule.kind().name()));
      time.setValue(schedule.time());
      date.setValue(schedule.date() == null ? today : schedule.date());
      day.setValue(schedule.dayOfWeek() == null ? today.getDayOfWeek() : schedule.dayOfWeek());
    }
    showFieldsFor(when.getValue());
    add(words, when, date, day, time);
  }

  private void showFieldsFor(Kind kind) {
    date.setVisible(kind == Kind.ONCE);
    day.setVisible(kind == Kind.WEEKLY);
  }

  /** The request as filled in; the service says what is missing or wrong. */
  public CommitmentApi.Request request() {
    Kind kind = when.getValue();
    return new CommitmentApi.Request(words.getValue(), new CommitmentApi.Schedule(kind, kind == Kind.ONCE ? date.getValue() : null,
        time.getValue(), kind == Kind.WEEKLY ? day.getValue() : null));
  }
}
