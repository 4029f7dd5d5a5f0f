package app.tend.accounts.clinic;

import app.tend.accounts.identity.PersonDetails;

/**
 * A new clinic and its first clinic admin.
 *
 * @param name the clinic's name as its people know it
 * @param timeZone the clinic's IANA time zone, the default for its people
 * @param admin the first clinic admin
 */
public record CreateClinicRequest(String name, String timeZone, PersonDetails admin) {}
