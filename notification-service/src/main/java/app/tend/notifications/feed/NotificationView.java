package app.tend.notifications.feed;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a person's in-app feed.
 *
 * @param id the notification
 * @param kind what it is about
 * @param title the line a person reads
 * @param body a second, gentler line
 * @param link where in the web UI it leads
 * @param createdAt when it was created
 * @param readAt when its recipient marked it read, or null
 */
public record NotificationView(
    UUID id, NotificationKind kind, String title, String body, String link, Instant createdAt, Instant readAt) {}
