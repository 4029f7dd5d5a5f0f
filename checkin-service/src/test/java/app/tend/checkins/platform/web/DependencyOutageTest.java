package app.tend.checkins.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

class DependencyOutageTest {

  @Test
  void aDatabaseThatIsAwayIsAnOutageHoweverDeepItIsWrapped() {
    assertThat(DependencyOutage.isCause(new DataAccessResourceFailureException("gone"))).isTrue();
    assertThat(DependencyOutage.isCause(new IllegalStateException("blocked", new R2dbcNonTransientResourceException("refused")))).isTrue();
    assertThat(DependencyOutage.isCause(new RuntimeException(new RuntimeException(new ConnectException("refused"))))).isTrue();
  }

  @Test
  void aFaultInTheRequestOrTheCodeIsNot() {
    assertThat(DependencyOutage.isCause(new DataIntegrityViolationException("duplicate key"))).isFalse();
    assertThat(DependencyOutage.isCause(new IllegalArgumentException("bad"))).isFalse();
    assertThat(DependencyOutage.isCause(new NullPointerException())).isFalse();
  }
}
