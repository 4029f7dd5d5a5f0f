package app.tend.web.home;

import app.tend.web.caseload.CaseloadView;
import app.tend.web.checkin.TodayView;
import app.tend.web.clinic.ClinicsView;
import app.tend.web.feed.NotificationsView;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The front door: each person lands on the page their role comes for. */
@Route(value = "", autoLayout = false)
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    var person = SignedIn.current();
    if (person.map(p -> p.has(SignedIn.PARTNER)).orElse(false)) {
      event.forwardTo(TodayView.class);
    } else if (person.map(p -> p.has(SignedIn.CLINICIAN) || p.has(SignedIn.CLINIC_ADMIN)).orElse(false)) {
      event.forwardTo(CaseloadView.class);
    } else if (person.map(p -> p.has(SignedIn.PLATFORM_ADMIN)).orElse(false)) {
      event.forwardTo(ClinicsView.class);
    } else {
      event.forwardTo(NotificationsView.class);
    }
  }
}
