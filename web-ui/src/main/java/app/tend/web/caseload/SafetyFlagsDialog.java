package app.tend.web.caseload;

import app.tend.web.platform.StatusLine;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A couple's safety flags for their clinician: when each was raised, and acknowledging it with a
 * note, then resolving it. The partner who raised it is never told any of this.
 */
class SafetyFlagsDialog extends Dialog {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

  private final CoupleApi couples;
  private final SignedIn person;
  private final UUID coupleId;
  private final ZoneId zone;
  private final Runnable changed;
  private final Map<UUID, String> names;
  private final VerticalLayout body = new VerticalLayout();
  private final StatusLine status = new StatusLine();

  /**
   * @param names the partners' first names by partner id, so the clinician knows who raised each flag
   */
  SafetyFlagsDialog(CoupleApi couples, SignedIn person, UUID coupleId, String coupleNames, Map<UUID, String> names, ZoneId zone,
      Runnable changed) {
    this.names = names;
    this.couples = couples;
    this.person = person;
    this.coupleId = coupleId;
    this.zone = zone;
    this.changed = changed;
    setHeaderTitle("Safety concerns: " + coupleNames);
    body.setPadding(false);
    add(body, status);
    getFooter().add(new Button("Close", click -> close()));
    setWidth("min(40rem, 100vw)");
    show();
  }

  private void show() {
    body.removeAll();
    try {
      for (var flag : couples.safetyFlagsOf(person, coupleId)) {
        body.add(flag(flag));
      }
    } catch (ApiProblem.Exception e) {
      status.setText(e.problem().detail());
    }
  }

  private Div flag(CoupleApi.SafetyFlag flag) {
    var box = new Div();
    box.addClassName("safety-flag-entry");
    box.add(new H3("Raised by " + names.getOrDefault(flag.partnerId(), "a partner who has left") + ", "
        + WHEN.format(flag.raisedAt().atZone(zone))));
    if (flag.acknowledgedAt() != null) {
      box.add(new Paragraph("Acknowledged " + WHEN.format(flag.acknowledgedAt().atZone(zone)) + ": " + flag.acknowledgement()));
    }
    if (flag.resolvedAt() != null) {
      box.add(new Paragraph("Resolved " + WHEN.format(flag.resolvedAt().atZone(zone)) + ": " + flag.resolution()));
      return box;
    }
    boolean open = flag.state() == CoupleApi.FlagState.OPEN;
    var note = new TextArea(open ? "What you did (for example: called, safety plan)" : "How it was resolved");
    note.setMaxLength(2000);
    note.setWidthFull();
    var act = new Button(open ? "Acknowledge" : "Resolve", click -> {
      try {
        couples.handleFlag(person, coupleId, flag.id(), open ? "acknowledgement" : "resolution", note.getValue());
        status.setText(open ? "Acknowledged." : "Resolved. Its history stays here.");
        show();
        changed.run();
      } catch (ApiProblem.Exception e) {
        status.setText(e.problem().detail());
      }
    });
    act.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    box.add(note, act);
    return box;
  }
}
