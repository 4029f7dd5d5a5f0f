package app.tend.accounts.partner;

/**
 * What a partner now lets their clinician see.
 *
 * @param reflectionsVisibleToClinician whether their clinician may read their private reflections
 */
public record ChangeConsentRequest(Boolean reflectionsVisibleToClinician) {}
