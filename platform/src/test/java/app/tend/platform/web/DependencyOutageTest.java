package app.tend.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

class DependencyOutageTest {

  @Test
  void aDatabaseThatIsAwayIsAnOutageHoweverDeepItIsWrapped() {
    assertThat(DependencyOutage.isCause(new DataAccessResourceFailureException("Failed to obtain R2DBC Connection",
        new R2dbcNonTransientResourceException("Connection refused", new ConnectException("refused"))))).isTrue();
    assertThat(DependencyOutage.isCause(new DataAccessResourceFailureException("terminating connection",
        new R2dbcNonTransientResourceException("terminating connection due to unexpected postmaster exit", "57P02")))).isTrue();
    assertThat(DependencyOutage.isCause(new IllegalStateException("blocked", new R2dbcNonTransientResourceException("Connection closed")))).isTrue();
    assertThat(DependencyOutage.isCause(new RuntimeException(new RuntimeException(new ConnectException("refused"))))).isTrue();
  }

  @Test
  void aFaultInTheRequestOrTheCodeIsNotEvenWhenSpringCallsItAResourceFailure() {
    // A trigger's "raise exception" reaches the service as a resource failure too; its SQLSTATE tells.
    assertThat(DependencyOutage.isCause(new DataAccessResourceFailureException("refused by test",
        new R2dbcNonTransientResourceException("refused by test", "P0001")))).isFalse();
    assertThat(DependencyOutage.isCause(new DataIntegrityViolationException("duplicate key"))).isFalse();
    assertThat(DependencyOutage.isCause(new IllegalArgumentException("bad"))).isFalse();
  }
}
