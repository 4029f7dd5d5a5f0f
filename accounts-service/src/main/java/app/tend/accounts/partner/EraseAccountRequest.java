package app.tend.accounts.partner;

/**
 * A partner's confirmed wish to erase their account.
 *
 * @param confirmed true: they understand it cannot be undone
 */
public record EraseAccountRequest(Boolean confirmed) {}
