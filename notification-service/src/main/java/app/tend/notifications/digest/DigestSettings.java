package app.tend.notifications.digest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How clinicians' morning digests are sent.
 *
 * @param enabled whether this instance sends digests at all
 * @param pollInterval how often it looks for due digests
 * @param lease how long a claim holds before another instance may take it over
 */
@ConfigurationProperties("tend.digests")
public record DigestSettings(boolean enabled, Duration pollInterval, Duration lease) {}
