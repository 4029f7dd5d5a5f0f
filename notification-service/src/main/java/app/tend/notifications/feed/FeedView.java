package app.tend.notifications.feed;

import java.util.List;

/**
 * A person's feed, newest first.
 *
 * @param unread how many of all their notifications are unread
 * @param notifications the newest ones
 */
public record FeedView(long unread, List<NotificationView> notifications) {}
