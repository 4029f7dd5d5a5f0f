package app.tend.web.layout;

import app.tend.web.caseload.CaseloadView;
import app.tend.web.checkin.MyTrendsView;
import app.tend.web.commitment.CommitmentsView;
import app.tend.web.measure.MeasureView;
import app.tend.web.repair.RepairsView;
import app.tend.web.checkin.TodayView;
import app.tend.web.clinic.AuditLogView;
import app.tend.web.clinic.ClinicSettingsView;
import app.tend.web.clinic.OutcomesView;
import app.tend.web.clinic.CliniciansView;
import app.tend.web.clinic.ClinicsView;
import app.tend.web.email.DeliveryLogView;
import app.tend.web.feed.FeedApi;
import app.tend.web.feed.LiveFeed;
import app.tend.web.feed.NotificationsView;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import app.tend.web.settings.SettingsView;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import reactor.core.Disposable;

/**
 * The frame of every signed-in page: Tend's name, the notification bell with its unread count
 * (live while the page is open), the pages of the person's role, and signing out.
 */
@PermitAll
public class MainLayout extends AppLayout {

  private final FeedApi feed;
  private final LiveFeed live;
  private final AuthenticationContext authentication;
  private final Span unreadBadge = new Span();
  private final Button bell = new Button(VaadinIcon.BELL.create());
  private long unread;
  private Disposable following;

  MainLayout(FeedApi feed, LiveFeed live, AuthenticationContext authentication) {
    this.feed = feed;
    this.live = live;
    this.authentication = authentication;
    var brand = new Span("Tend");
    brand.addClassName("brand");
    bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    bell.addClickListener(click -> UI.getCurrent().navigate(NotificationsView.class));
    unreadBadge.addClassName("badge");
    var bellWithCount = new HorizontalLayout(bell, unreadBadge);
    bellWithCount.setSpacing(false);
    bellWithCount.setAlignItems(HorizontalLayout.Alignment.CENTER);
    var spacer = new Span();
    var bar = new HorizontalLayout(new DrawerToggle(), brand, spacer, bellWithCount);
    bar.setWidthFull();
    bar.setAlignItems(HorizontalLayout.Alignment.CENTER);
    bar.setFlexGrow(1, spacer);
    bar.addClassName("top-bar");
    addToNavbar(bar);
    // Signing out lives in the menu, so the bar still fits a phone when text is enlarged.
    var signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
    signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    var drawer = new com.vaadin.flow.component.orderedlayout.VerticalLayout(navigation(), signOut);
    drawer.addClassName("drawer");
    addToDrawer(drawer);
    setPrimarySection(Section.NAVBAR);
    setDrawerOpened(false);
    showUnread(0);
  }

  private SideNav navigation() {
    var nav = new SideNav();
    nav.setLabel("Pages");
    SignedIn.current().ifPresent(person -> {
      if (person.has(SignedIn.PARTNER)) {
        nav.addItem(new SideNavItem("Today", TodayView.class, VaadinIcon.HEART_O.create()));
        nav.addItem(new SideNavItem("Commitments", CommitmentsView.class, VaadinIcon.HANDSHAKE.create()));
        nav.addItem(new SideNavItem("Repair", RepairsView.class, VaadinIcon.TOOLS.create()));
        nav.addItem(new SideNavItem("Relationship check", MeasureView.class, VaadinIcon.CLIPBOARD_HEART.create()));
        nav.addItem(new SideNavItem("My trends", MyTrendsView.class, VaadinIcon.CHART_LINE.create()));
        nav.addItem(new SideNavItem("Settings", SettingsView.class, VaadinIcon.COG_O.create()));
      }
      if (person.has(SignedIn.CLINICIAN) || person.has(SignedIn.CLINIC_ADMIN)) {
        nav.addItem(new SideNavItem("Couples", CaseloadView.class, VaadinIcon.USERS.create()));
      }
      if (person.has(SignedIn.PLATFORM_ADMIN)) {
        nav.addItem(new SideNavItem("Clinics", ClinicsView.class, VaadinIcon.BUILDING_O.create()));
        nav.addItem(new SideNavItem("Delivery log", DeliveryLogView.class, VaadinIcon.ENVELOPES_O.create()));
      }
      if (person.has(SignedIn.CLINIC_ADMIN)) {
        nav.addItem(new SideNavItem("Clinicians", CliniciansView.class, VaadinIcon.DOCTOR.create()));
        nav.addItem(new SideNavItem("Clinic settings", ClinicSettingsView.class, VaadinIcon.COG_O.create()));
        nav.addItem(new SideNavItem("Outcomes", OutcomesView.class, VaadinIcon.CHART.create()));
        nav.addItem(new SideNavItem("Audit log", AuditLogView.class, VaadinIcon.RECORDS.create()));
      }
      nav.addItem(new SideNavItem("Notifications", NotificationsView.class, VaadinIcon.BELL_O.create()));
    });
    return nav;
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    var ui = attachEvent.getUI();
    SignedIn.current().ifPresent(person -> {
      try {
        showUnread(feed.feed(person).unread());
      } catch (ApiProblem.Exception e) {
        bell.setTooltipText(e.problem().detail());
      }
      following = live.follow(person, item -> ui.access(() -> arrived(item)));
    });
  }

  @Override
  protected void onDetach(DetachEvent detachEvent) {
    if (following != null) {
      following.dispose();
    }
  }

  private void arrived(FeedApi.Item item) {
    showUnread(unread + 1);
    var toast = Notification.show(item.title(), 5000, Notification.Position.TOP_CENTER);
    toast.getElement().setAttribute("aria-live", "polite");
    Component content = getContent();
    if (content != null) {
      ComponentUtil.fireEvent(content, new NotificationArrived(content, item));
    }
  }

  /** Sets the unread count the bell shows and reads out. */
  public void showUnread(long count) {
    unread = Math.max(0, count);
    unreadBadge.setText(unread == 0 ? "" : Long.toString(unread));
    unreadBadge.setVisible(unread > 0);
    String label = unread == 0 ? "Notifications, none unread" : "Notifications, " + unread + " unread";
    bell.getElement().setAttribute("aria-label", label);
    bell.setTooltipText(label);
  }
}
