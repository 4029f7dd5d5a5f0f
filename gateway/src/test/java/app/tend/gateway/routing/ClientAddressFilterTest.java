package app.tend.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressFilterTest {

  final ClientAddressFilter filter = new ClientAddressFilter("127\\.0\\.0\\.1|10\\..*");

  @Test
  void aDirectClientIsWhereItConnectedFromWhateverItClaims() {
    assertThat(filter.clientAddress("203.0.113.7", List.of())).isEqualTo("203.0.113.7");
    assertThat(filter.clientAddress("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
  }

  @Test
  void aTrustedProxyNamesTheClientItForwardsFor() {
    assertThat(filter.clientAddress("10.0.0.5", List.of("198.51.100.1"))).isEqualTo("198.51.100.1 via 10.0.0.5");
    // Only the hop the proxy itself added counts; earlier hops are the client's own claim.
    assertThat(filter.clientAddress("127.0.0.1", List.of("1.2.3.4, 198.51.100.1"))).isEqualTo("198.51.100.1 via 127.0.0.1");
    assertThat(filter.clientAddress("127.0.0.1", List.of("2001:db8::1"))).isEqualTo("2001:db8::1 via 127.0.0.1");
  }

  @Test
  void somethingThatIsNotAnAddressIsNotPassedOn() {
    assertThat(filter.clientAddress("10.0.0.5", List.of("<script>"))).isEqualTo("10.0.0.5");
    assertThat(filter.clientAddress("10.0.0.5", List.of("x".repeat(500)))).isEqualTo("10.0.0.5");
  }
}
