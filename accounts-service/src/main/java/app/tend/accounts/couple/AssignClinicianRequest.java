package app.tend.accounts.couple;

import java.util.UUID;

/**
 * The clinician a couple will work with from now on.
 *
 * @param clinicianId an active clinician of the same clinic
 */
public record AssignClinicianRequest(UUID clinicianId) {}
