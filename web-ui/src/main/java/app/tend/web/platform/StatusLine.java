package app.tend.web.platform;

import com.vaadin.flow.component.html.Div;

/**
 * The line under a form that says what just happened ("Saved.", or the problem in the service's own
 * words). Screen readers announce it when it changes.
 */
public class StatusLine extends Div {

  public StatusLine() {
    addClassName("status");
    getElement().setAttribute("role", "status");
    getElement().setAttribute("aria-live", "polite");
  }
}
