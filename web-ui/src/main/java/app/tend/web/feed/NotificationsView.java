package app.tend.web.feed;

import app.tend.web.email.EmailChoices;
import app.tend.web.email.EmailChoicesApi;
import app.tend.web.platform.api.ApiProblem;
import app.tend.web.platform.security.SignedIn;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The person's in-app notifications, newest first; new ones appear while the page is open. */
@Route("notifications")
@Menu(order = 900, title = "Notifications", icon = "vaadin:bell-o")
@PageTitle("Notifications · Tend")
@PermitAll
public class NotificationsView extends VerticalLayout {

  private final FeedApi feed;
  private final UnorderedList list = new UnorderedList();
  private final Paragraph empty = new Paragraph(
      "Nothing new yet. New notifications show up here as they happen.");
  private ZoneId zone = ZoneId.systemDefault();
  private Details emailSection;

  private final EmailChoicesApi emailChoices;

  NotificationsView(FeedApi feed, EmailChoicesApi emailChoices) {
    this.feed = feed;
    this.emailChoices = emailChoices;
    addClassName("notifications");
    list.addClassName("feed");
    list.getElement().setAttribute("aria-live", "polite");
    empty.addClassName("quiet");
    add(new H1("Notifications"), empty, list);
    ComponentUtil.addListener(this, NotificationArrived.class, event -> {
      list.addComponentAsFirst(entry(event.item()));
      empty.setVisible(false);
    });
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    attachEvent.getUI().getPage().retrieveExtendedClientDetails(details -> zone = ZoneId.of(details.getTimeZoneId()));
    SignedIn.current().ifPresent(person -> {
      try {
        var current = feed.feed(person);
        list.removeAll();
        current.notifications().forEach(item -> list.add(entry(item)));
        empty.setVisible(current.notifications().isEmpty());
        // Partners choose their e-mail in Settings, with the rest of their day; staff have it here.
        if (!person.has(SignedIn.PARTNER) && emailSection == null) {
          emailSection = new Details("E-mail", new EmailChoices(emailChoices, person));
          add(emailSection);
        }
      } catch (ApiProblem.Exception e) {
        empty.setText(e.problem().detail());
      }
    });
  }

  private ListItem entry(FeedApi.Item item) {
    // The title leads where the notification is about, e.g. a reminder straight to today's check-in.
    Component title = item.link() == null ? new Span(item.title()) : new Anchor(item.link(), item.title());
    title.addClassName("title");
    var when = new Span(relative(item.createdAt()));
    when.addClassName("quiet");
    var text = new Div(title, new Paragraph(item.body() == null ? "" : item.body()), when);
    var entry = new ListItem(text);
    entry.addClassName("entry");
    if (item.readAt() == null) {
      entry.addClassName("unread");
      var state = new Span("New");
      state.addClassName("new-label");
      var markRead = new Button("Mark as read");
      markRead.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
      markRead.getElement().setAttribute("aria-label", "Mark as read: " + item.title());
      markRead.addClickListener(click -> SignedIn.current().ifPresent(person -> {
        feed.markRead(person, item.id());
        entry.removeClassName("unread");
        state.setVisible(false);
        markRead.setVisible(false);
        long unread = feed.feed(person).unread();
        getUI().ifPresent(ui -> ComponentUtil.fireEvent(ui, new UnreadCountChanged(ui, unread)));
      }));
      entry.addComponentAsFirst(state);
      entry.add(markRead);
    }
    return entry;
  }

  private String relative(Instant at) {
    var age = Duration.between(at, Instant.now());
    if (age.toMinutes() < 1) {
      return "just now";
    }
    if (age.toHours() < 1) {
      return age.toMinutes() + " min ago";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale()).format(at.atZone(zone));
  }
}
