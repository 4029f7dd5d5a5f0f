package app.tend.platform;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The smallest application the platform's own tests start: only what auto-configuration gives, as
 * a service that depends on the platform gets it. Nothing is component-scanned.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class PlatformTestApplication {}
