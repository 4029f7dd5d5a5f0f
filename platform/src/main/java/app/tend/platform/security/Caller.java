package app.tend.platform.security;

import app.tend.contracts.TendHeaders;
import app.tend.platform.web.NotFoundException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * Who is calling, as the validated token says: their login subject, their clinic and their roles.
 *
 * @param subject the login's subject; for a partner this is also their partner id
 * @param clinicId the clinic the login belongs to; empty for a platform admin
 * @param roles Tend's realm roles the login holds
 */
public record Caller(UUID subject, Optional<UUID> clinicId, Set<String> roles) {

  public static final String PARTNER = "partner";
  public static final String CLINICIAN = "clinician";
  public static final String CLINIC_ADMIN = "clinic-admin";
  public static final String PLATFORM_ADMIN = "platform-admin";
  /** Tend's own roles; Keycloak adds others (offline_access…) that mean nothing here. */
  public static final Set<String> TEND_ROLES = Set.of(PARTNER, CLINICIAN, CLINIC_ADMIN, PLATFORM_ADMIN);

  public static Caller of(Jwt jwt) {
    return new Caller(
        UUID.fromString(jwt.getSubject()),
        Optional.ofNullable(jwt.getClaimAsString(TendHeaders.CLINIC_ID_CLAIM))
            .filter(s -> !s.isBlank())
            .map(UUID::fromString),
        realmRoles(jwt));
  }

  /** Keycloak puts realm roles under {@code realm_access.roles}. */
  public static Set<String> realmRoles(Jwt jwt) {
    Object realmAccess = jwt.getClaims().get("realm_access");
    if (realmAccess instanceof java.util.Map<?, ?> map && map.get("roles") instanceof List<?> roles) {
      return roles.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
    }
    return Set.of();
  }

  public boolean has(String role) {
    return roles.contains(role);
  }

  /** The clinic this caller administers; empty unless they are a clinic admin of one. */
  public Optional<UUID> administeredClinic() {
    return has(CLINIC_ADMIN) ? clinicId : Optional.empty();
  }

  /**
   * The caller's clinic when they hold one of {@code roles}; otherwise the 404 every refusal gets
   * (deny by default, and an answer never tells whether something exists).
   */
  public Mono<UUID> clinicAs(String... roles) {
    if (clinicId.isEmpty() || Arrays.stream(roles).noneMatch(this::has)) {
      return Mono.error(nothingHere());
    }
    return Mono.just(clinicId.get());
  }

  /** The one refusal: "There is nothing here for you." */
  public static NotFoundException nothingHere() {
    return new NotFoundException("There is nothing here for you.");
  }
}
