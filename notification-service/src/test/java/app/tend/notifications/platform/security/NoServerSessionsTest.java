package app.tend.notifications.platform.security;

import app.tend.notifications.platform.web.ProblemWriter;
import app.tend.testkit.NoServerSessionsContract;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;

/** notification-service's security keeps no session: each request is authenticated by its token alone. */
@WebFluxTest(controllers = NoServerSessionsContract.WhoAmI.class)
@Import({SecurityConfiguration.class, ProblemWriter.class, NoServerSessionsContract.Slice.class})
class NoServerSessionsTest extends NoServerSessionsContract {}
