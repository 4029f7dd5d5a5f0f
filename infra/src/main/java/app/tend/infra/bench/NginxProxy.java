package app.tend.infra.bench;

import app.tend.infra.servers.ChildProcess;
import app.tend.infra.servers.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * nginx as the plain reverse proxy ops would otherwise put in front of a service: the baseline the
 * gateway is compared with. Debian's package ({@code apt-get install nginx}); without it the
 * benchmark says so in its table instead.
 */
final class NginxProxy implements AutoCloseable {

  private static final List<Path> WHERE = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx"), Path.of("/usr/local/sbin/nginx"));

  private final ChildProcess process;
  private final int port;

  private NginxProxy(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** nginx's executable, when it is installed. */
  static Optional<Path> executable() {
    return WHERE.stream().filter(Files::isExecutable).findFirst();
  }

  /** Starts nginx in {@code directory}, passing everything to {@code upstreamPort} on loopback over kept-alive connections. */
  static NginxProxy start(Path executable, int upstreamPort, Path directory) {
    int port = Ports.free();
    try {
      Files.createDirectories(directory.resolve("temp"));
      Path config = directory.resolve("nginx.conf");
      Files.writeString(config, """
          daemon off;
          worker_processes auto;
          pid %1$s/nginx.pid;
          error_log %1$s/error.log warn;
          events { worker_connections 4096; }
          http {
            access_log off;
            client_body_temp_path %1$s/temp/body;
            proxy_temp_path %1$s/temp/proxy;
            fastcgi_temp_path %1$s/temp/fastcgi;
            uwsgi_temp_path %1$s/temp/uwsgi;
            scgi_temp_path %1$s/temp/scgi;
            upstream service {
              server 127.0.0.1:%2$d;
              keepalive 128;
            }
            server {
              listen 127.0.0.1:%3$d;
              location / {
                proxy_pass http://service;
                proxy_http_version 1.1;
                proxy_set_header Connection "";
                proxy_set_header Host $host;
              }
            }
          }
          """.formatted(directory, upstreamPort, port));
      var process = ChildProcess.start("nginx",
          List.of(executable.toString(), "-p", directory.toString(), "-e", directory.resolve("error.log").toString(), "-c", config.toString()),
          directory, Map.of(), directory.resolve("nginx.out"));
      Ports.await("nginx (log: " + directory.resolve("error.log") + ")", Duration.ofSeconds(30), process::isAlive,
          () -> Ports.isOpen("127.0.0.1", port));
      return new NginxProxy(process, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.close();
  }
}
