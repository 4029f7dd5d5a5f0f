package app.tend.platform;

import app.tend.platform.security.ResourceServerSecurity;
import app.tend.platform.web.CloseAfterRefusal;
import app.tend.platform.web.ProblemResponses;
import app.tend.platform.web.ProblemWriter;
import app.tend.platform.web.RequestIds;
import app.tend.platform.web.StrictText;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/**
 * The web layer every Tend service shares: problem responses, request ids, strict JSON text,
 * connections closed after a refusal, and resource-server security with the service's public paths.
 * Also in every {@code @WebFluxTest} slice, so a controller is tested behind the same errors and
 * security it answers with in the service.
 */
@AutoConfiguration(beforeName = {
    // Theirs back off when a SecurityWebFilterChain exists, so ours must be defined first.
    "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
    "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Import({
    RequestIds.class, ProblemWriter.class, ProblemResponses.class, StrictText.class, CloseAfterRefusal.class,
    ResourceServerSecurity.class})
public class PlatformWebAutoConfiguration {}
