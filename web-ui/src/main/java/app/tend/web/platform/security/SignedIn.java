package app.tend.web.platform.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person signed in to this page, captured while a request is being handled so it can be used
 * from background work (the live feed) as well.
 *
 * @param authentication their Spring Security authentication
 */
public record SignedIn(Authentication authentication) {

  public static final String PARTNER = "partner";
  public static final String CLINICIAN = "clinician";
  public static final String CLINIC_ADMIN = "clinic-admin";
  public static final String PLATFORM_ADMIN = "platform-admin";

  public static Optional<SignedIn> current() {
    return Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication())
        .filter(authentication -> authentication.getPrincipal() instanceof OidcUser)
        .map(SignedIn::new);
  }

  /** Their login's id, as the services know them. */
  public java.util.UUID id() {
    return java.util.UUID.fromString(((OidcUser) authentication.getPrincipal()).getSubject());
  }

  /** Their name as their login has it, e.g. "Noor Haddad". */
  public String name() {
    var user = (OidcUser) authentication.getPrincipal();
    return user.getFullName() != null ? user.getFullName() : user.getGivenName() + " " + user.getFamilyName();
  }

  public boolean has(String role) {
    return authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
  }
}
