package app.tend.infra.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Small waits on ports that every launcher needs. */
public final class Ports {

  private Ports() {}

  /** A port nobody listens on right now. */
  public static int free() {
    try (var socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code count} different ports nobody listens on right now. All sockets are held open until
   * every port is chosen: asking one at a time can give the same port twice.
   */
  public static int[] free(int count) {
    var sockets = new ServerSocket[count];
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        sockets[i] = new ServerSocket(0);
        ports[i] = sockets[i].getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (var socket : sockets) {
        try {
          if (socket != null) {
            socket.close();
          }
        } catch (IOException ignored) {
          // closing a probe socket cannot lose anything
        }
      }
    }
  }

  public static boolean isOpen(String host, int port) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Polls {@code ready} until it answers true.
   *
   * @throws IllegalStateException when {@code timeout} passes first, or {@code stillRunning} fails
   */
  public static void await(String what, Duration timeout, BooleanSupplier stillRunning, BooleanSupplier ready) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (ready.getAsBoolean()) {
        return;
      }
      if (!stillRunning.getAsBoolean()) {
        throw new IllegalStateException(what + " exited before it was ready");
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
    throw new IllegalStateException(what + " was not ready within " + timeout.toSeconds() + " s");
  }
}
