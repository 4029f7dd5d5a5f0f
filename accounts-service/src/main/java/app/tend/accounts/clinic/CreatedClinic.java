package app.tend.accounts.clinic;

import java.util.UUID;

/**
 * @param clinic the new clinic
 * @param adminId the login of its first clinic admin
 */
public record CreatedClinic(ClinicView clinic, UUID adminId) {}
