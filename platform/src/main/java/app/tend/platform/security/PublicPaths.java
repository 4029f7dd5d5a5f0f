package app.tend.platform.security;

import java.util.List;
import java.util.function.BiConsumer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpMethod;

/**
 * The requests a service answers without a token, as {@code "METHOD /path/pattern"} lines under
 * {@code tend.security.public-paths}: its API description, and links that are their own credential
 * (an invitation, an unsubscribe link). Everything else needs a valid token.
 */
@ConfigurationProperties("tend.security")
public record PublicPaths(@DefaultValue List<String> publicPaths) {

  public PublicPaths {
    publicPaths = List.copyOf(publicPaths);
    publicPaths.forEach(PublicPaths::parse);
  }

  /** Calls {@code action} with each path's method and pattern. */
  public void forEach(BiConsumer<HttpMethod, String> action) {
    publicPaths.forEach(line -> {
      String[] parts = parse(line);
      action.accept(HttpMethod.valueOf(parts[0]), parts[1]);
    });
  }

  private static String[] parse(String line) {
    String[] parts = line.trim().split("\\s+");
    if (parts.length != 2 || !parts[1].startsWith("/") || !parts[0].matches("GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS")) {
      throw new IllegalArgumentException("tend.security.public-paths: \"" + line + "\" is not \"METHOD /path\"");
    }
    return parts;
  }
}
