package app.tend.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed and hostile requests to a service's write endpoints, generated with jqwik, and the
 * check every service's {@code BadInputIT} makes of the answers: never a 2xx or a 5xx, always an
 * RFC 9457 problem without internals. Each request is wrong by construction: broken, cut or
 * mistyped JSON, one field wrong (type, range, overflow, length, NUL, unknown value) or missing,
 * an unexpected field, invalid UTF-8, the wrong content type, ids of nothing or of another couple,
 * a link token changed, and missing, garbage, unsigned, tampered or foreign-issuer tokens.
 *
 * <p>{@code -Dtend.badInput.tries=N} sets the requests per endpoint (default 1,000).
 */
public final class BadInput {

  public static final int TRIES = Integer.getInteger("tend.badInput.tries", 1000);

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern UUID_IN_PATH = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** HTTP/1.1 as the gateway speaks it: the JDK client's h2c upgrade attempts are not what is tested here. */
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private BadInput() {}

  /** What a field holds when it is right, so that a generator can make it wrong. */
  public sealed interface Field {}

  /** A whole number from {@code min} to {@code max}. */
  public record Int(int min, int max) implements Field {}

  /** A number with a fraction, from {@code min} to {@code max}. */
  public record Decimal(double min, double max) implements Field {}

  /** Text of at most {@code maxLength} characters. */
  public record Text(int maxLength) implements Field {}

  public record Bool() implements Field {}

  /** One of {@code values}. */
  public record Choice(List<String> values) implements Field {}

  /** A set of {@code values}. */
  public record Choices(List<String> values) implements Field {}

  /** An ISO date. */
  public record Date() implements Field {}

  /** A local time such as 20:00. */
  public record Time() implements Field {}

  /** An IANA time zone such as Europe/Berlin. */
  public record Zone() implements Field {}

  public record Email() implements Field {}

  /** The id of something the caller may name. */
  public record Id() implements Field {}

  /** An object or list with fields of its own. */
  public record Nested() implements Field {}

  /**
   * A write endpoint: who may call it ({@code caller}: a key of the test's tokens, or null when the
   * link in its path is the credential), a body that would be accepted, what each field holds, the
   * fields that may be left out, and the link tokens in its path (its UUIDs count as ids anyway).
   * {@code body == null}: it takes no body, so only its ids and token can be wrong.
   */
  public record Endpoint(String name, String method, String path, String caller, Map<String, Object> body,
                         Map<String, Field> fields, Set<String> optional, List<String> linkTokens) {

    public Endpoint(String name, String method, String path, String caller, Map<String, Object> body, Map<String, Field> fields) {
      this(name, method, path, caller, body, fields, Set.of(), List.of());
    }

    /** The same endpoint, whose {@code names} may be left out of a body that is otherwise right. */
    public Endpoint optional(String... names) {
      return new Endpoint(name, method, path, caller, body, fields, Set.of(names), linkTokens);
    }

    /** The same endpoint, with {@code tokens} in its path that stand for a credential. */
    public Endpoint linkTokens(String... tokens) {
      return new Endpoint(name, method, path, caller, body, fields, optional, List.of(tokens));
    }

    boolean hasIds() {
      return UUID_IN_PATH.matcher(path).find();
    }
  }

  /** One wrong request and what is wrong with it, for the failure message. */
  public record Request(String what, String method, String path, String token, String contentType, byte[] body) {}

  /** How the refusals of one endpoint were answered. */
  public record Counts(int requests, int badRequest, int unauthorized, int notFound, int unsupportedType, int otherClientError) {

    Counts plus(int status) {
      return new Counts(requests + 1, badRequest + (status == 400 ? 1 : 0), unauthorized + (status == 401 ? 1 : 0),
          notFound + (status == 404 ? 1 : 0), unsupportedType + (status == 415 ? 1 : 0),
          otherClientError + (Set.of(400, 401, 404, 415).contains(status) ? 0 : 1));
    }
  }

  /**
   * {@code tries} wrong requests to {@code endpoint}; {@code token} is the allowed caller's, and
   * {@code foreignIds} are ids of things the caller may not reach (another couple's, for example).
   */
  public static List<Request> requests(Endpoint endpoint, String token, List<String> foreignIds, int tries) {
    return generator(endpoint, token, foreignIds).sampleStream().limit(tries).toList();
  }

  private static Arbitrary<Request> generator(Endpoint endpoint, String token, List<String> foreignIds) {
    List<Arbitrary<Request>> kinds = new ArrayList<>();
    if (endpoint.hasIds()) {
      var wrongIds = new ArrayList<>(List.of(UUID.randomUUID().toString(), "not-an-id", "..%2F..", "0", "%00"));
      wrongIds.addAll(foreignIds);
      kinds.add(Arbitraries.of(wrongIds).map(id -> request(endpoint, "id " + id,
          UUID_IN_PATH.matcher(endpoint.path()).replaceAll(id), token, "application/json", validBody(endpoint))));
    }
    for (String link : endpoint.linkTokens()) {
      kinds.add(Arbitraries.integers().between(0, link.length() - 1).map(at -> {
        char changed = link.charAt(at) == 'A' ? 'B' : 'A';
        String wrong = link.substring(0, at) + changed + link.substring(at + 1);
        return request(endpoint, "link token changed at " + at, endpoint.path().replace(link, wrong), token, "application/json",
            validBody(endpoint));
      }));
      kinds.add(Arbitraries.of(link.substring(0, link.length() / 2), "x", UUID.randomUUID().toString(), link + "A", "%2e%2e")
          .map(wrong -> request(endpoint, "link token " + abbreviate(wrong), endpoint.path().replace(link, wrong), token,
              "application/json", validBody(endpoint))));
    }
    if (endpoint.caller() != null) {
      kinds.add(Arbitraries.of("none", "garbage", "unsigned", "tampered", "other issuer").map(kind ->
          request(endpoint, kind + " token", endpoint.path(), badToken(kind, token), "application/json", validBody(endpoint))));
    }
    if (endpoint.body() != null) {
      kinds.add(Arbitraries.strings().ofMaxLength(200).map(garbage -> request(endpoint, "garbage body", endpoint.path(), token,
          "application/json", ("{" + garbage).getBytes(StandardCharsets.UTF_8))));
      byte[] valid = json(endpoint.body());
      kinds.add(Arbitraries.integers().between(0, valid.length - 1).map(cut -> request(endpoint, "body cut at " + cut,
          endpoint.path(), token, "application/json", Arrays.copyOf(valid, cut))));
      kinds.add(Arbitraries.of("[]", "\"text\"", "42", "null", "true", "").map(other -> request(endpoint, "body " + other,
          endpoint.path(), token, "application/json", other.getBytes(StandardCharsets.UTF_8))));
      kinds.add(Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")
          .map(type -> request(endpoint, "content type " + type, endpoint.path(), token, type, valid)));
      kinds.add(Arbitraries.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF})
          .map(bytes -> request(endpoint, "invalid UTF-8", endpoint.path(), token, "application/json", withRawBytes(valid, bytes))));
      if (!endpoint.fields().isEmpty()) {
        kinds.add(Combinators.combine(Arbitraries.of(List.copyOf(endpoint.fields().keySet())), Arbitraries.integers().between(0, 99))
            .as((field, seed) -> wrongField(endpoint, token, field, seed)));
      }
    }
    return Arbitraries.oneOf(kinds.stream().map(kind -> kind.filter(request -> request != null)).toList());
  }

  /** The valid body with one field wrong or missing; every fourth time also a field nobody asked for. */
  private static Request wrongField(Endpoint endpoint, String token, String field, int seed) {
    var body = new LinkedHashMap<>(endpoint.body());
    String what;
    if (seed % 10 == 9) {
      if (endpoint.optional().contains(field)) {
        return null;
      }
      body.remove(field);
      what = "without " + field;
    } else {
      Object wrong = wrongValue(endpoint.fields().get(field), seed);
      body.put(field, wrong);
      what = field + " = " + abbreviate(String.valueOf(wrong));
    }
    if (seed % 4 == 0) {
      List<Object> anything = List.of(Map.of("x", 1), List.of(1, 2), true, 12.5, "x");
      body.put("unexpectedExtra", anything.get(seed % anything.size()));
      what += ", and an unexpected field";
    }
    return request(endpoint, what, endpoint.path(), token, "application/json", json(body));
  }

  private static Object wrongValue(Field kind, int seed) {
    List<Object> values = switch (kind) {
      case Int range -> List.of(range.min() - 1, range.max() + 1, Integer.MIN_VALUE, Long.MAX_VALUE, "1e400",
          new BigInteger("99999999999999999999999"), "three", String.valueOf(range.min()), List.of(range.min()),
          Map.of("n", range.min()), range.min() + 0.5, true);
      case Decimal range -> List.of(range.min() - 0.01, range.max() + 0.01, Double.MAX_VALUE, -Double.MAX_VALUE,
          "NaN", "1e400", String.valueOf(range.min()), List.of(range.min()), false);
      case Text text -> List.of("x".repeat(text.maxLength() + 1 + seed), "\u0000", "a\u0000b", 42, List.of("a"), Map.of("a", "b"), false);
      case Bool bool -> List.of("yes", "true", "true ", 1, List.of(true), Map.of("b", true), "null");
      case Choice choice -> List.of(choice.values().getFirst().toLowerCase(), "NOT_A_VALUE", "", 3, List.of(choice.values().getFirst()),
          choice.values().getFirst() + "\u0000");
      case Choices choices -> List.of("NOT_A_VALUE", List.of("NOT_A_VALUE"), List.of(3), List.of(List.of(choices.values().getFirst())),
          choices.values().getFirst(), Map.of("a", choices.values().getFirst()), List.of(choices.values().getFirst().toLowerCase()));
      case Date date -> List.of("2026-13-01", "yesterday", 20261130, "2026-02-30", "", "+999999999-12-31");
      // Not [20, 0]: Jackson reads that as 20:00 on purpose, the same time written another way.
      case Time time -> List.of("25:00", "7pm", 2000, "", "20:00:99", "20:60", List.of(25, 0));
      case Zone zone -> List.of("Mars/Base", "UTC+25", "", 3, "Europe/Berlin\u0000", "../../etc/passwd", "x".repeat(300));
      case Email email -> List.of("no-at-sign", "a@b", "x".repeat(300) + "@example.org", "a b@example.org", 3, "", "a\u0000@example.org");
      case Id id -> List.of(UUID.randomUUID().toString(), "not-an-id", 42, "", List.of(UUID.randomUUID().toString()));
      case Nested nested -> List.of("x", 3, true, List.of(), Map.of(), List.of(Map.of("words", 1)));
    };
    return values.get(seed % values.size());
  }

  /**
   * Sends each request to {@code baseUrl} and checks its answer: a 4xx RFC 9457 problem whose
   * status is the answer's, with a title and no internals. {@code rows} tells what the test's data
   * in the database is (see {@link #checksum}), once the service has settled: it must be the same
   * after all the requests as before them.
   */
  public static Counts assertAllRefusedChangingNothing(String endpoint, String baseUrl, List<Request> requests, Supplier<String> rows)
      throws Exception {
    String before = rows.get();
    Counts counts = assertAllRefused(endpoint, baseUrl, requests);
    assertThat(rows.get()).as("the rows of %s after %d refused requests", endpoint, requests.size()).isEqualTo(before);
    return counts;
  }

  /** Requests in flight at once, each on its own connection: as several clients would, and in a third of the time. */
  private static final int IN_FLIGHT = 4;

  private static Counts assertAllRefused(String endpoint, String baseUrl, List<Request> requests) throws Exception {
    try (ExecutorService clients = Executors.newFixedThreadPool(IN_FLIGHT)) {
      var statuses = new ArrayList<Future<Integer>>();
      for (Request request : requests) {
        statuses.add(clients.submit(() -> refusal(endpoint, baseUrl, request)));
      }
      var counts = new Counts(0, 0, 0, 0, 0, 0);
      for (var status : statuses) {
        try {
          counts = counts.plus(status.get());
        } catch (ExecutionException e) {
          clients.shutdownNow();
          if (e.getCause() instanceof AssertionError failed) {
            throw failed;
          }
          throw e;
        }
      }
      return counts;
    }
  }

  /** The status of the answer to one request, once it is known to be a proper refusal. */
  private static int refusal(String endpoint, String baseUrl, Request request) throws Exception {
    HttpResponse<String> response;
    try {
      response = send(baseUrl, request.method(), request.path(), request.token(), request.contentType(), request.body());
    } catch (HttpTimeoutException e) {
      throw new AssertionError(endpoint + ": no answer within 10 s to " + request.what() + " (" + request.method() + " "
          + request.path() + ", " + request.contentType() + ", " + request.body().length + " bytes)", e);
    }
    int status = response.statusCode();
    assertThat(status).as("%s: %s answered %s", endpoint, request.what(), response.body()).isBetween(400, 499);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .as("%s: %s", endpoint, request.what()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).as("%s: %s", endpoint, request.what()).isEqualTo(status);
    assertThat(problem.path("title").asString()).as("%s: %s", endpoint, request.what()).isNotBlank();
    assertThat(response.body()).as("%s: %s: no internals in a problem", endpoint, request.what())
        .doesNotContain("Exception", "at app.", "SQL", "org.springframework", "tools.jackson");
    return status;
  }

  /** The figures of one service's run, one line per endpoint. */
  public static void print(String service, Map<String, Counts> totals) {
    var sorted = new TreeMap<>(totals);
    int all = sorted.values().stream().mapToInt(Counts::requests).sum();
    System.out.printf("%nBad input, %s: %,d requests to %d write endpoints%n", service, all, sorted.size());
    sorted.forEach((name, counts) -> System.out.printf("  %-28s %,6d requests, %,5d 400, %,5d 401, %,5d 404, %,5d 415, %,5d other 4xx%n",
        name, counts.requests(), counts.badRequest(), counts.unauthorized(), counts.notFound(), counts.unsupportedType(),
        counts.otherClientError()));
  }

  /**
   * Counts and checksums of the rows that belong to the test, in every table with one of
   * {@code scope}'s columns (rows whose value there is one of its ids), and of every row of the
   * outbox when the service has one (without the relay's "published at"). {@code query} runs one
   * SQL query of one text column and one row.
   */
  public static String checksum(Function<String, String> query, Map<String, List<UUID>> scope) {
    var sums = new ArrayList<String>();
    for (var column : scope.entrySet()) {
      String ids = String.join(",", column.getValue().stream().map(id -> "'" + id + "'").toList());
      String tables = query.apply("select coalesce(string_agg(table_name, ',' order by table_name), '') from information_schema.columns "
          + "where table_schema = 'public' and column_name = '" + column.getKey() + "'");
      for (String table : tables.isEmpty() ? new String[0] : tables.split(",")) {
        sums.add(table + "." + column.getKey() + ":" + query.apply("select count(*) || '/' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '-') from "
            + table + " t where " + column.getKey() + " in (" + ids + ")"));
      }
    }
    if (!query.apply("select coalesce(to_regclass('public.outbox_event')::text, '')").isEmpty()) {
      sums.add("outbox_event:" + query.apply(
          "select count(*) || '/' || coalesce(md5(string_agg(event_id || envelope, '|' order by id)), '-') from outbox_event"));
    }
    return String.join("\n", sums);
  }

  /** One request on a connection of its own, as a client would send it. */
  public static HttpResponse<String> send(String baseUrl, String method, String path, String token, String contentType, byte[] body)
      throws Exception {
    var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    // What is tested here is each request's answer. A kept-alive connection after an early refusal
    // occasionally left the next request unanswered (CloseAfterRefusal closes those with a body;
    // a few without one still stalled): that is a matter of its own, so it stays out of these counts.
    // The JDK's client lets a caller say so only with -Djdk.httpclient.allowRestrictedHeaders=connection
    // (failsafe sets it for every IT).
    builder.header("Connection", "close");
    return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  public static byte[] json(Object value) {
    return JSON.writeValueAsBytes(value);
  }

  /** The "id" of a 200 or 201 answer. */
  public static String createdId(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    return JSON.readTree(response.body()).get("id").asString();
  }

  // ---------------------------------------------------------------- helpers

  private static Request request(Endpoint endpoint, String what, String path, String token, String type, byte[] body) {
    return new Request(what, endpoint.method(), path, token, type, body);
  }

  private static byte[] validBody(Endpoint endpoint) {
    return endpoint.body() == null ? new byte[0] : json(endpoint.body());
  }

  /** The valid body with raw bytes (not valid UTF-8) inside its first string value, or a key's name. */
  private static byte[] withRawBytes(byte[] valid, byte[] raw) {
    String text = new String(valid, StandardCharsets.UTF_8);
    int quote = text.indexOf(":\"");
    if (quote < 0) {
      quote = text.indexOf('"');
    }
    byte[] head = text.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8);
    byte[] tail = text.substring(quote + 2).getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + raw.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(raw, 0, all, head.length, raw.length);
    System.arraycopy(tail, 0, all, head.length + raw.length, tail.length);
    return all;
  }

  /** A token that must not be accepted: none, garbage, unsigned, claims changed after signing, another issuer. */
  public static String badToken(String kind, String token) {
    String[] parts = token.split("\\.");
    var decoder = Base64.getUrlDecoder();
    var encoder = Base64.getUrlEncoder().withoutPadding();
    return switch (kind) {
      case "none" -> null;
      case "garbage" -> "not.a.token";
      case "unsigned" -> encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
      case "tampered" -> {
        String claims = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"partner\"", "\"platform-admin\"").replace("\"clinician\"", "\"clinic-admin\"");
        yield parts[0] + "." + encoder.encodeToString((claims + " ").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
      }
      case "other issuer" -> {
        String claims = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8)
            .replaceAll("\"iss\":\"[^\"]*\"", "\"iss\":\"https://evil.example/realms/tend\"");
        yield parts[0] + "." + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
      }
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "… (" + text.length() + " chars)" : text;
  }
}
