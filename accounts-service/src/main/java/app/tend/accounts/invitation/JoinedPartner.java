package app.tend.accounts.invitation;

import java.util.UUID;

/**
 * A partner who has joined: their login exists and they can sign in with {@code email}.
 *
 * @param partnerId their login's subject
 * @param email their login name
 */
public record JoinedPartner(UUID partnerId, String email) {}
