package app.tend.accounts.clinic;

import java.util.UUID;

/**
 * @param id the clinic (the tenant)
 * @param name its name
 * @param timeZone its time zone
 * @param active false once deactivated
 */
public record ClinicView(UUID id, String name, String timeZone, boolean active) {}
