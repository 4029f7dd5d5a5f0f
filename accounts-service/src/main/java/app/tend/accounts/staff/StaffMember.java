package app.tend.accounts.staff;

import java.util.UUID;

/**
 * A clinician or clinic admin.
 *
 * @param id their login
 * @param clinicId their clinic
 * @param email their e-mail address
 * @param firstName first name
 * @param lastName last name
 * @param role {@code clinician} or {@code clinic-admin}
 * @param active false once deactivated
 */
public record StaffMember(UUID id, UUID clinicId, String email, String firstName, String lastName, String role, boolean active) {}
