import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The images' health check: exits 0 when the URL answers 200 within three seconds, 1 otherwise.
 * The images hold no shell, curl or wget, so the JVM that is there anyway asks, e.g.
 * {@code java -cp /opt/tend/probe HealthProbe http://127.0.0.1:8101/actuator/health/readiness}.
 * A plain socket rather than java.net.http: starting that client costs seconds of CPU, on every check.
 */
public final class HealthProbe {

  public static void main(String[] args) {
    URI url = URI.create(args[0]);
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 2000);
      socket.setSoTimeout(3000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + url.getRawPath() + " HTTP/1.0\r\nHost: " + url.getHost() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      System.exit(statusLine != null && statusLine.matches("HTTP/1\\.[01] 200\\b.*") ? 0 : 1);
    } catch (Exception e) {
      System.err.println("health probe: " + e.getClass().getSimpleName());
      System.exit(1);
    }
  }
}
