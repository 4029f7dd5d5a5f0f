package app.tend.notifications.reminder;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the reminder scheduler works through due reminders.
 *
 * @param enabled whether this instance sends reminders at all
 * @param pollInterval how often it looks for due reminders when there were none
 * @param batchSize how many reminders one claim takes
 * @param lease how long a claim holds before another instance may take the batch over
 */
@ConfigurationProperties("tend.reminders")
public record ReminderSettings(boolean enabled, Duration pollInterval, int batchSize, Duration lease) {}
