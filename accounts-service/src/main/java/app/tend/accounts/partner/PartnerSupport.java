package app.tend.accounts.partner;

/**
 * Where a partner can turn when they need help, shown on their own screens only.
 *
 * @param clinicName their clinic
 * @param crisisContacts the clinic's crisis contacts in its own words; empty when it has written none yet
 */
public record PartnerSupport(String clinicName, String crisisContacts) {}
