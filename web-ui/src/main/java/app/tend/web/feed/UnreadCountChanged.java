package app.tend.web.feed;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;

/**
 * Fired on the UI when a page changed how many notifications are unread (one was marked as read),
 * so the bell in the frame around it shows the new count without the page knowing the frame.
 */
public class UnreadCountChanged extends ComponentEvent<UI> {

  private final long unread;

  public UnreadCountChanged(UI ui, long unread) {
    super(ui, false);
    this.unread = unread;
  }

  public long unread() {
    return unread;
  }
}
