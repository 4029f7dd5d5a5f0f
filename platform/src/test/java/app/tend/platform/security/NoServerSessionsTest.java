package app.tend.platform.security;

import app.tend.testkit.NoServerSessionsContract;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;

/** The services' security keeps no session: each request is authenticated by its token alone. */
@WebFluxTest(controllers = NoServerSessionsContract.WhoAmI.class)
@Import(NoServerSessionsContract.Slice.class)
class NoServerSessionsTest extends NoServerSessionsContract {}
