package app.tend.web.platform;

import app.tend.web.platform.api.ApiProblem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A small dialog for one change: its fields or explanation, Cancel, and a button that makes the
 * change. Success closes it and hands on what to tell the person; a problem from Tend stays in the
 * dialog in the service's own words, so nothing typed is lost.
 */
public class ActionDialog extends Dialog {

  private final Button confirm;

  /**
   * @param change makes the change and answers the sentence that says it was done
   * @param done receives that sentence once the dialog has closed
   */
  public ActionDialog(String title, String action, Supplier<String> change, Consumer<String> done, Component... content) {
    setHeaderTitle(title);
    var problem = new StatusLine();
    var layout = new FormLayout(content);
    layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
    add(layout, problem);
    confirm = new Button(action, click -> {
      try {
        String said = change.get();
        close();
        done.accept(said);
      } catch (ApiProblem.Exception e) {
        problem.setText(e.problem().detail());
      }
    });
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button("Cancel", click -> close()), confirm);
    setWidth("min(30rem, 100vw)");
  }

  /** For changes that take something away: the button says so in colour as well as in words. */
  public ActionDialog destructive() {
    confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
    return this;
  }
}
