package app.tend.infra.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void portsAskedForTogetherAreAlwaysDifferent() {
    for (int round = 0; round < 200; round++) {
      int[] ports = Ports.free(6);
      assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(6);
      assertThat(Arrays.stream(ports).boxed().toList()).allSatisfy(port -> assertThat(port).isBetween(1, 65535));
    }
  }
}
