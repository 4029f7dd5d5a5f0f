package app.tend.web.feed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;

/** Fired on the open page when a notification arrives live, so it can show it at once. */
public class NotificationArrived extends ComponentEvent<Component> {

  private final FeedApi.Item item;

  public NotificationArrived(Component source, FeedApi.Item item) {
    super(source, false);
    this.item = item;
  }

  public FeedApi.Item item() {
    return item;
  }
}
