package app.tend.web.settings;

import app.tend.web.platform.TimeZones;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;

/** A partner's day: time zone, daily reminder and quiet hours, as chosen when joining and in settings. */
public class DayFields extends VerticalLayout {

  private final ComboBox<String> zone = new ComboBox<>("Time zone");
  private final TimePicker reminder = timePicker("Daily reminder");
  private final TimePicker quietFrom = timePicker("Quiet from");
  private final TimePicker quietUntil = timePicker("Quiet until");

  public DayFields(String timeZone, LocalTime reminderTime, LocalTime quietHoursStart, LocalTime quietHoursEnd) {
    setPadding(false);
    setSpacing(false);
    zone.setItems(TimeZones.CHOICES);
    zone.setValue(TimeZones.choiceOrNull(timeZone));
    zone.setHelperText("Your day, and so your daily check-in, starts and ends at midnight here.");
    zone.setRequired(true);
    zone.setWidthFull();
    reminder.setValue(reminderTime);
    reminder.setHelperText("When Tend may remind you to check in, if you have not yet.");
    reminder.setWidthFull();
    quietFrom.setValue(quietHoursStart);
    quietUntil.setValue(quietHoursEnd);
    var quiet = new Div(quietFrom, quietUntil);
    quiet.addClassName("pair");
    var quietHelp = new Paragraph("Tend never sends you anything during your quiet hours.");
    quietHelp.addClassName("quiet");
    add(zone, reminder, quiet, quietHelp);
  }

  /** A time of day in quarter hours, 24-hour clock, as every Tend form asks for one. */
  public static TimePicker timePicker(String label) {
    var picker = new TimePicker(label);
    picker.setStep(Duration.ofMinutes(15));
    picker.setLocale(Locale.UK);
    picker.setRequired(true);
    return picker;
  }

  public String timeZone() {
    return zone.getValue();
  }

  public LocalTime reminderTime() {
    return reminder.getValue();
  }

  public LocalTime quietHoursStart() {
    return quietFrom.getValue();
  }

  public LocalTime quietHoursEnd() {
    return quietUntil.getValue();
  }
}
