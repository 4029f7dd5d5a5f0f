package app.tend.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OCI images the build made ({@code <app>/target/image/<app>.tar}: Jib's layers on the root
 * filesystem of {@code infra/image/assemble-runtime.sh}), read as a registry or a container runtime
 * reads them: the index, the manifest, the configuration and every layer.
 */
class ContainerImagesIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path ROOT = Path.of(System.getProperty("tend.projectRoot", "..")).toAbsolutePath().normalize();
  /** Jib's fixed file time: the same inputs give the same layers, byte for byte. */
  private static final Instant FILE_TIME = Instant.parse("1970-01-01T00:00:01Z");
  private static final Map<String, String> MAIN_CLASSES = Map.of(
      "gateway", "app.tend.gateway.GatewayApplication",
      "accounts-service", "app.tend.accounts.AccountsServiceApplication",
      "checkin-service", "app.tend.checkins.CheckinServiceApplication",
      "notification-service", "app.tend.notifications.NotificationServiceApplication",
      "web-ui", "app.tend.web.WebUiApplication");
  private static final Map<String, Integer> PORTS = Map.of(
      "gateway", 8000, "accounts-service", 8101, "checkin-service", 8102, "notification-service", 8103, "web-ui", 8080);

  @ParameterizedTest
  @ValueSource(strings = {"gateway", "accounts-service", "checkin-service", "notification-service", "web-ui"})
  void theImageRunsTheAppAsAnUnprivilegedUserOnItsOwnJavaWithLimitsRespected(String app) throws Exception {
    var image = Image.read(app);
    JsonNode config = image.config().get("config");

    assertThat(config.get("User").asString()).isEqualTo("10001:10001");
    List<String> entrypoint = strings(config.get("Entrypoint"));
    assertThat(entrypoint.getFirst()).isEqualTo("java");
    assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp");
    assertThat(entrypoint.subList(entrypoint.size() - 3, entrypoint.size()))
        .containsExactly("-cp", "@/app/jib-classpath-file", MAIN_CLASSES.get(app));
    assertThat(strings(config.get("Env"))).contains("PATH=/opt/java/bin", "JAVA_HOME=/opt/java");
    assertThat(config.get("ExposedPorts").has(PORTS.get(app) + "/tcp")).isTrue();
    assertThat(image.config().get("created").asString()).isEqualTo("1970-01-01T00:00:00Z");

    // The app in layers of its own (dependencies change least, classes most), then the runtime.
    assertThat(image.layers()).hasSizeGreaterThanOrEqualTo(5);
    Map<String, TarArchiveEntry> files = image.files();
    assertThat(files).containsKeys("app/jib-classpath-file", "app/classes/" + MAIN_CLASSES.get(app).replace('.', '/') + ".class",
        "etc/passwd", "lib64/ld-linux-x86-64.so.2", "lib/x86_64-linux-gnu/libc.so.6", "opt/java/lib/modules",
        "opt/java/lib/server/libjvm.so", "opt/tend/probe/HealthProbe.class");
    assertThat(files.keySet()).anyMatch(name -> name.startsWith("app/libs/spring-boot-4"));
    assertThat(files.get("opt/java/bin/java").getMode() & 0111).as("java is executable").isNotZero();
    assertThat(files.get("lib64/ld-linux-x86-64.so.2").getMode() & 0111).isNotZero();
    assertThat(files.values()).allSatisfy(entry -> assertThat(entry.getModTime().toInstant()).isBeforeOrEqualTo(FILE_TIME));
    assertThat(new String(image.content("etc/passwd"), StandardCharsets.UTF_8)).contains("tend:x:10001:10001:");
    // Nothing a shell-based attack could use: no shell, no package manager, no setuid file.
    assertThat(files).doesNotContainKeys("bin/sh", "bin/bash", "usr/bin/apt", "bin/busybox");
    assertThat(files.values()).noneSatisfy(entry -> assertThat(entry.getMode() & 04000).isNotZero());
    // A small base: the Java runtime and C libraries are well under the 200 MB of a JRE base image.
    long runtimeBytes = files.entrySet().stream()
        .filter(entry -> entry.getKey().startsWith("opt/java/") || entry.getKey().startsWith("lib"))
        .mapToLong(entry -> entry.getValue().getSize()).sum();
    assertThat(runtimeBytes).isLessThan(120L * 1024 * 1024);
  }

  /** One runtime for all five: the same layer, so a registry or node stores and pulls it once. */
  @ParameterizedTest
  @ValueSource(strings = {"accounts-service", "checkin-service", "notification-service", "web-ui"})
  void everyImageSharesTheGatewaysRuntimeLayerByteForByte(String app) throws Exception {
    assertThat(Image.read(app).layers().getLast()).isEqualTo(Image.read("gateway").layers().getLast());
  }

  /**
   * The image's own files run the app: its layers unpacked into a directory, which becomes the root
   * of a process (chroot, with /proc, as a container runtime gives) running as user 10001, which
   * starts the JVM and loads the app's main class from the classpath file without running it. Needs
   * root for chroot: CI's .ci/run has it; elsewhere this one is skipped and says so.
   */
  @ParameterizedTest
  @ValueSource(strings = {"gateway", "web-ui"})
  void theImagesOwnRuntimeLoadsTheAppsMainClassAsUser10001(String app) throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "chroot needs root; run .ci/run or as root to check this");
    var image = Image.read(app);
    Path root = Files.createTempDirectory("image-" + app);
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    image.unpackInto(root);
    Path proc = Files.createDirectories(root.resolve("proc"));
    run(List.of("mount", "-t", "proc", "proc", proc.toString()));
    try {
      List<String> entrypoint = new ArrayList<>(strings(image.config().get("config").get("Entrypoint")));
      entrypoint.set(0, "/opt/java/bin/java");
      entrypoint.add(1, "--dry-run");
      var command = new ArrayList<>(List.of("chroot", "--userspec=10001:10001", root.toString()));
      command.addAll(entrypoint);
      var result = run(command);
      assertThat(result.exitCode()).as("the image's java said: %s", result.output()).isZero();
      var probe = run(List.of("chroot", "--userspec=10001:10001", root.toString(), "/opt/java/bin/java",
          "-cp", "/opt/tend/probe", "HealthProbe", "http://127.0.0.1:1/"));
      assertThat(probe.exitCode()).as("the probe of a closed port").isEqualTo(1);
    } finally {
      run(List.of("umount", proc.toString()));
      run(List.of("rm", "-rf", "--one-file-system", root.toString()));
    }
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private static List<String> strings(JsonNode array) {
    var values = new ArrayList<String>();
    array.forEach(value -> values.add(value.asString()));
    return values;
  }

  /** An OCI image layout in a tar file, as Jib writes it. */
  private record Image(Map<String, byte[]> blobs, JsonNode manifest, JsonNode config) {

    static Image read(String app) throws IOException {
      Path tar = ROOT.resolve(app).resolve("target/image").resolve(app + ".tar");
      assertThat(tar).as("the image the build made for %s", app).isRegularFile();
      var entries = new HashMap<String, byte[]>();
      try (var in = new TarArchiveInputStream(Files.newInputStream(tar))) {
        for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
          if (entry.isFile()) {
            entries.put(entry.getName(), in.readAllBytes());
          }
        }
      }
      JsonNode index = JSON.readTree(entries.get("index.json"));
      assertThat(new String(entries.get("oci-layout"), StandardCharsets.UTF_8)).contains("imageLayoutVersion");
      JsonNode manifest = JSON.readTree(blob(entries, index.get("manifests").get(0).get("digest").asString()));
      assertThat(manifest.get("mediaType").asString()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
      JsonNode config = JSON.readTree(blob(entries, manifest.get("config").get("digest").asString()));
      return new Image(entries, manifest, config);
    }

    private static byte[] blob(Map<String, byte[]> entries, String digest) {
      byte[] blob = entries.get("blobs/sha256/" + digest.substring("sha256:".length()));
      assertThat(blob).as("blob %s", digest).isNotNull();
      return blob;
    }

    /** The layers' digests, bottom first. */
    List<String> layers() {
      var digests = new ArrayList<String>();
      manifest.get("layers").forEach(layer -> digests.add(layer.get("digest").asString()));
      return digests;
    }

    /** Every file of the image as the layers stack them (a later layer's file wins). */
    Map<String, TarArchiveEntry> files() throws IOException {
      var files = new LinkedHashMap<String, TarArchiveEntry>();
      for (String layer : layers()) {
        try (var in = layer(layer)) {
          for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
            files.put(entry.getName().replaceFirst("^/", "").replaceFirst("/$", ""), entry);
          }
        }
      }
      return files;
    }

    byte[] content(String name) throws IOException {
      byte[] found = null;
      for (String layer : layers()) {
        try (var in = layer(layer)) {
          for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
            if (entry.getName().replaceFirst("^/", "").equals(name)) {
              found = in.readAllBytes();
            }
          }
        }
      }
      return found;
    }

    void unpackInto(Path root) throws IOException {
      for (String layer : layers()) {
        try (var in = layer(layer)) {
          for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
            Path target = root.resolve(entry.getName().replaceFirst("^/", "")).normalize();
            assertThat(target.startsWith(root)).as("%s stays inside the image", entry.getName()).isTrue();
            if (entry.isDirectory()) {
              Files.createDirectories(target);
            } else {
              Files.createDirectories(target.getParent());
              Files.write(target, in.readAllBytes());
              target.toFile().setExecutable((entry.getMode() & 0111) != 0, false);
            }
          }
        }
      }
      Files.createDirectories(root.resolve("tmp")).toFile().setWritable(true, false);
    }

    private TarArchiveInputStream layer(String digest) throws IOException {
      InputStream gzipped = new ByteArrayInputStream(blob(blobs, digest));
      return new TarArchiveInputStream(new GZIPInputStream(gzipped));
    }
  }
}
