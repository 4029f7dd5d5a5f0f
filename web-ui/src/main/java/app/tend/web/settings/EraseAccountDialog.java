package app.tend.web.settings;

import app.tend.web.platform.StatusLine;
import app.tend.web.platform.api.ApiProblem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

/** Erasing one's account, said plainly, confirmed once more, never by accident. */
class EraseAccountDialog extends Dialog {

  EraseAccountDialog(Runnable eraseAccount) {
    setHeaderTitle("Erase my account");
    var status = new StatusLine();
    var understood = new Checkbox("I understand this cannot be undone");
    add(new Paragraph("If you erase your account:"),
        new UnorderedList(
            new ListItem("your check-ins, your appreciations and private reflections, your settings and your sign-in are deleted from Tend;"),
            new ListItem("your partner keeps their own practice and everything that is theirs;"),
            new ListItem("your clinician is told that you left, not why.")),
        new Paragraph("You may want to download your data first."), understood, status);
    var erase = new Button("Erase my account", click -> {
      if (!understood.getValue()) {
        status.setText("Please tick that you understand this cannot be undone.");
        return;
      }
      try {
        eraseAccount.run();
      } catch (ApiProblem.Exception e) {
        status.setText(e.problem().detail());
      }
    });
    erase.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button("Keep my account", click -> close()), erase);
    setWidth("min(32rem, 100vw)");
  }
}
