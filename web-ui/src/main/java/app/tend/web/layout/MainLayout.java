package app.tend.web.layout;

import app.tend.web.feed.FeedApi;
import app.tend.web.feed.LiveFeed;
import app.tend.web.feed.NotificationArrived;
import app.tend.web.feed.NotificationsView;
import app.tend.web.feed.UnreadCountChanged;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
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
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import reactor.core.Disposable;

/**
 * The frame of every signed-in page: Tend's name, the notification bell with its unread count
 * (live while the page is open), the pages of the person's role, and signing out. The pages are
 * the routes that carry {@code @Menu}, in their order, as far as the person's roles let them in:
 * each view says who may open it, once, and the menu follows.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

  private final FeedApi feed;
  private final LiveFeed live;
  private final AuthenticationContext authentication;
  private final Span unreadBadge = new Span();
  private final Button bell = new Button(VaadinIcon.BELL.create());
  private long unread;
  private Disposable following;
  private Registration unreadChanges;

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
    MenuConfiguration.getMenuEntries().forEach(page -> {
      var item = new SideNavItem(page.title(), page.path());
      if (page.icon() != null) {
        item.setPrefixComponent(new Icon(page.icon()));
      }
      nav.addItem(item);
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
    unreadChanges = ComponentUtil.addListener(ui, UnreadCountChanged.class, changed -> showUnread(changed.unread()));
  }

  @Override
  protected void onDetach(DetachEvent detachEvent) {
    if (following != null) {
      following.dispose();
    }
    if (unreadChanges != null) {
      unreadChanges.remove();
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
  private void showUnread(long count) {
    unread = Math.max(0, count);
    unreadBadge.setText(unread == 0 ? "" : Long.toString(unread));
    unreadBadge.setVisible(unread > 0);
    String label = unread == 0 ? "Notifications, none unread" : "Notifications, " + unread + " unread";
    bell.getElement().setAttribute("aria-label", label);
    bell.setTooltipText(label);
  }
}
