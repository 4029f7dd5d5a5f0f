package app.tend.web.email;

import app.tend.web.platform.StatusLine;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * "Also send me an e-mail": one checkbox per kind of notification the person can receive, each
 * saved the moment it changes. Everything is always in Tend's own feed; e-mail is the extra.
 */
public class EmailChoices extends Composite<VerticalLayout> {

  private final EmailChoicesApi api;

  /** The person's current choices, each saved as they change it. */
  public EmailChoices(EmailChoicesApi api, SignedIn person) {
    this.api = api;
    var content = getContent();
    content.setPadding(false);
    content.setSpacing(false);
    content.addClassName("email-choices");
    var explain = new Paragraph("Everything appears here in Tend. Tick what you would also like by e-mail.");
    explain.addClassName("quiet");
    var saved = new StatusLine();
    content.add(explain);
    try {
      for (var choice : api.mine(person)) {
        var box = new Checkbox(choice.description(), choice.emailed());
        box.setReadOnly(!choice.changeable());
        if (!choice.changeable()) {
          box.setHelperText("Always by e-mail as well, so none is missed.");
        }
        box.addValueChangeListener(change -> {
          if (!change.isFromClient()) {
            return;
          }
          try {
            api.choose(person, choice.group(), change.getValue());
            saved.setText(change.getValue() ? "Saved. You will get these by e-mail too." : "Saved. These stay in Tend, without e-mail.");
          } catch (ApiProblem.Exception e) {
            box.setValue(change.getOldValue());
            saved.setText(e.problem().detail());
          }
        });
        content.add(box);
      }
    } catch (ApiProblem.Exception e) {
      saved.setText(e.problem().detail());
    }
    content.add(saved);
  }
}
