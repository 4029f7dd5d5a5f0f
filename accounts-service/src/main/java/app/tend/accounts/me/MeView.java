package app.tend.accounts.me;

import java.util.Set;
import java.util.UUID;

/**
 * Who the caller is in Tend, for greeting them and choosing their pages.
 *
 * @param id their login
 * @param roles their Tend roles
 * @param clinicId their clinic, or null for a platform admin
 * @param firstName what Tend calls them
 * @param coupleId a partner's couple, else null
 * @param partnerFirstName a partner's partner's first name, else null
 */
public record MeView(UUID id, Set<String> roles, UUID clinicId, String firstName, UUID coupleId, String partnerFirstName) {}
