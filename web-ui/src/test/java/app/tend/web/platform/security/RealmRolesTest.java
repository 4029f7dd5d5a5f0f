package app.tend.web.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class RealmRolesTest {

  private static OidcUserAuthority signedInWith(Map<String, Object> claims) {
    var all = new java.util.HashMap<String, Object>(claims);
    all.put("sub", "someone");
    all.put("iss", "http://localhost/realms/tend");
    return new OidcUserAuthority(new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60), all));
  }

  @Test
  void realmRolesInTheIdTokenBecomeRoleAuthorities() {
    var mapped = new SecurityConfiguration().realmRoles()
        .mapAuthorities(List.of(signedInWith(Map.of("realm_access", Map.of("roles", List.of("partner", "offline_access"))))));
    assertThat(mapped).extracting(GrantedAuthority::getAuthority).contains("ROLE_partner", "ROLE_offline_access")
        .doesNotContain("ROLE_clinician");
  }

  @Test
  void aTokenWithoutRealmRolesGrantsNoRole() {
    var mapped = new SecurityConfiguration().realmRoles().mapAuthorities(List.of(signedInWith(Map.of())));
    assertThat(mapped).extracting(GrantedAuthority::getAuthority).noneMatch(authority -> authority.startsWith("ROLE_"));
  }
}
