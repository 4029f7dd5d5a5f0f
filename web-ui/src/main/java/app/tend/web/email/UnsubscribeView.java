package app.tend.web.email;

import app.tend.web.platform.StatusLine;
import app.tend.web.platform.api.ApiProblem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Where the "stop e-mails like this one" link of an e-mail leads. It works without signing in (the
 * link is the credential), says what it stops before anything changes, and stops it with one tap.
 * Opening the page alone changes nothing, so a mail scanner that follows links cannot unsubscribe
 * anyone.
 */
@Route(value = "unsubscribe/:token", autoLayout = false)
@PageTitle("E-mail choices · Tend")
@AnonymousAllowed
public class UnsubscribeView extends VerticalLayout implements BeforeEnterObserver {

  private final EmailChoicesApi api;

  UnsubscribeView(EmailChoicesApi api) {
    this.api = api;
    addClassName("form-page");
    setPadding(true);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String token = event.getRouteParameters().get("token").orElse("");
    removeAll();
    var brand = new Span("Tend");
    brand.addClassName("brand");
    add(brand);
    try {
      var choice = api.whatItStops(token);
      if (!choice.emailed()) {
        add(new H1("These e-mails are already off"), new Paragraph("You no longer get e-mails for: " + lower(choice.description()) + "."),
            stillInTend());
        return;
      }
      var status = new StatusLine();
      var stop = new Button("Stop these e-mails");
      stop.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      stop.addClassName("primary-action");
      stop.addClickListener(click -> {
        try {
          api.unsubscribe(token);
          stop.setVisible(false);
          status.setText("Done. You will not get these e-mails any more.");
        } catch (ApiProblem.Exception e) {
          status.setText(e.problem().detail());
        }
      });
      add(new H1("Stop these e-mails?"), new Paragraph("E-mails for: " + lower(choice.description()) + "."), stillInTend(), stop, status);
    } catch (ApiProblem.Exception e) {
      add(new H1("This link does not work"),
          new Paragraph("Please check that the whole link was copied from the e-mail. You can also choose your e-mails in Tend, "
              + "under Settings or Notifications, once you have signed in."));
    }
  }

  private static Paragraph stillInTend() {
    var still = new Paragraph("They will still appear in Tend when you sign in. You can change this at any time in Tend.");
    still.addClassName("quiet");
    return still;
  }

  private static String lower(String description) {
    return description.isEmpty() ? description : Character.toLowerCase(description.charAt(0)) + description.substring(1);
  }
}
