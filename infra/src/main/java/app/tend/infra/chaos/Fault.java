package app.tend.infra.chaos;

/**
 * One part of Tend that the chaos run takes away with SIGKILL and gives back.
 *
 * @param component its name in the report, e.g. {@code checkin-service} or {@code PostgreSQL}
 * @param kill ends it the hard way, as a crash would
 * @param restart starts it again where it was and returns once it is ready
 */
public record Fault(String component, Runnable kill, Runnable restart) {}
