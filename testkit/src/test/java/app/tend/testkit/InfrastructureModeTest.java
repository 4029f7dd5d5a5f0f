package app.tend.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class InfrastructureModeTest {

  @Test
  void containersWhenADockerEngineAnswers() {
    assertThat(InfrastructureMode.select(null, () -> true)).isEqualTo(InfrastructureMode.CONTAINERS);
    assertThat(InfrastructureMode.select("auto", () -> true)).isEqualTo(InfrastructureMode.CONTAINERS);
  }

  @Test
  void embeddedServersWhenNoDockerEngineAnswers() {
    assertThat(InfrastructureMode.select(null, () -> false)).isEqualTo(InfrastructureMode.EMBEDDED);
    assertThat(InfrastructureMode.select(" AUTO ", () -> false)).isEqualTo(InfrastructureMode.EMBEDDED);
  }

  @Test
  void aForcedChoiceWinsAndDockerIsNotAsked() {
    var asked = new AtomicBoolean();
    assertThat(InfrastructureMode.select("embedded", () -> asked.getAndSet(true))).isEqualTo(InfrastructureMode.EMBEDDED);
    assertThat(InfrastructureMode.select("containers", () -> asked.getAndSet(true))).isEqualTo(InfrastructureMode.CONTAINERS);
    assertThat(asked).isFalse();
  }

  @Test
  void anUnknownChoiceIsRefusedRatherThanGuessed() {
    assertThatThrownBy(() -> InfrastructureMode.select("docker", () -> true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("containers, embedded or auto");
  }

  @Test
  void thisMachineWithoutADockerEngineGetsEmbeddedServers() {
    // Here there is no Docker engine: the automatic choice must not pick containers.
    if (System.getenv("TEND_TEST_INFRA") == null && System.getProperty("tend.test.infra") == null) {
      assertThat(InfrastructureMode.current())
          .isEqualTo(org.testcontainers.DockerClientFactory.instance().isDockerAvailable()
              ? InfrastructureMode.CONTAINERS : InfrastructureMode.EMBEDDED);
    }
  }
}
