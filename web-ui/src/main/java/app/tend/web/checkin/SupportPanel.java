package app.tend.web.checkin;

import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Where to turn for help: the emergency line and the clinic's own crisis contacts. Today shows it
 * after every saved check-in, so a confirmation after "I don't feel safe" looks like any other.
 */
class SupportPanel extends Div {

  private final CheckinApi checkins;

  SupportPanel(CheckinApi checkins) {
    this.checkins = checkins;
    addClassName("support");
    setVisible(false);
  }

  /** Shows the panel, asking for the clinic's contacts once per page. */
  void show(SignedIn person) {
    if (getChildren().findAny().isEmpty()) {
      add(new H2("Support, any time"), new Paragraph("If you are in danger right now, call your local emergency number."));
      try {
        String contacts = checkins.support(person).crisisContacts();
        if (contacts != null && !contacts.isBlank()) {
          var clinic = new Paragraph(contacts);
          clinic.addClassName("contacts");
          add(clinic);
        }
      } catch (ApiProblem.Exception e) {
        add(new Paragraph("Your clinic's own contacts could not be loaded just now; your clinician can give them to you."));
      }
    }
    setVisible(true);
  }
}
