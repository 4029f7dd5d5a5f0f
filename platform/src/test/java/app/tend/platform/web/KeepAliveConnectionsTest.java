package app.tend.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * A kept-alive connection goes on being read after a request that arrived while the one before it
 * was still being answered. Reactor Netty 1.3.6 stopped reading such a connection (its issue 4361):
 * the next request on it waited until the client gave up, as AccessMatrixIT's did for 60 seconds in
 * CI. The services run Boot's Netty server, as here; this fails on 1.3.6 and passes on 1.3.8.
 */
class KeepAliveConnectionsTest {

  private static final String REQUEST = "GET %s HTTP/1.1\r\nHost: localhost\r\n\r\n";

  private WebServer server;

  @BeforeEach
  void start() {
    var routes = route(GET("/slow"), request -> Mono.delay(Duration.ofMillis(50)).then(ServerResponse.ok().bodyValue("slow")))
        .andRoute(GET("/quick"), request -> ServerResponse.ok().bodyValue("quick"));
    server = new NettyReactiveWebServerFactory(0).getWebServer(RouterFunctions.toHttpHandler(routes));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @RepeatedTest(3)
  void theRequestAfterOneThatWaitedItsTurnIsAnswered() throws Exception {
    try (var socket = new Socket("127.0.0.1", server.getPort())) {
      socket.setSoTimeout(2000);
      // The second arrives while the first is still being answered, and waits its turn.
      send(socket, REQUEST.formatted("/slow") + REQUEST.formatted("/quick"));
      var received = new ByteArrayOutputStream();
      assertThat(readUntil(socket, received, 2)).as("answers to the first two requests").isEqualTo(2);

      send(socket, REQUEST.formatted("/quick"));
      assertThat(readUntil(socket, received, 3)).as("answers once a third request followed on the same connection").isEqualTo(3);
    }
  }

  private static void send(Socket socket, String requests) throws IOException {
    socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
  }

  /** Reads until {@code expected} responses have arrived in all, or the socket's timeout passes. */
  private static int readUntil(Socket socket, ByteArrayOutputStream received, int expected) throws IOException {
    byte[] buffer = new byte[4096];
    int answers = answers(received);
    try {
      while (answers < expected) {
        int read = socket.getInputStream().read(buffer);
        if (read < 0) {
          break;
        }
        received.write(buffer, 0, read);
        answers = answers(received);
      }
    } catch (SocketTimeoutException e) {
      // what came is all that will come
    }
    return answers;
  }

  private static int answers(ByteArrayOutputStream received) {
    return received.toString(StandardCharsets.US_ASCII).split("HTTP/1.1 200", -1).length - 1;
  }
}
