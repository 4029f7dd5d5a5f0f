package app.tend.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway lets in from browsers and clients.
 *
 * @param allowedOrigins web origins whose scripts may call the API from a browser (CORS); none by
 *     default, since Tend's own pages call it from web-ui's server
 * @param maxRequestSize the largest request body accepted; anything larger is refused with 413
 * @param verifiedTokensKept how many accepted tokens the gateway keeps so as not to check their
 *     signature again on each request (see {@link VerifiedTokens}); 0 checks every token every time
 */
@ConfigurationProperties("tend.edge")
public record EdgeSettings(List<String> allowedOrigins, DataSize maxRequestSize, Integer verifiedTokensKept) {

  public EdgeSettings {
    allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins.stream().filter(origin -> !origin.isBlank()).toList();
    maxRequestSize = maxRequestSize == null ? DataSize.ofKilobytes(256) : maxRequestSize;
    verifiedTokensKept = verifiedTokensKept == null ? 4096 : verifiedTokensKept;
    if (verifiedTokensKept < 0) {
      throw new IllegalArgumentException("tend.edge.verified-tokens-kept must be 0 or more, not " + verifiedTokensKept);
    }
  }
}
