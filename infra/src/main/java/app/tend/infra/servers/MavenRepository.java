package app.tend.infra.servers;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds artifacts that the Maven build already fetched into the local repository. */
final class MavenRepository {

  private MavenRepository() {}

  static Path artifact(String groupId, String artifactId, String version, String type) {
    Path repository =
        Path.of(
            System.getProperty(
                "tend.repository",
                System.getenv().getOrDefault(
                    "TEND_MAVEN_REPOSITORY",
                    Path.of(System.getProperty("user.home"), ".m2", "repository").toString())));
    Path file =
        repository
            .resolve(groupId.replace('.', '/'))
            .resolve(artifactId)
            .resolve(version)
            .resolve(artifactId + "-" + version + "." + type);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          file + " is missing: run the Maven build once (it downloads " + artifactId + ")");
    }
    return file;
  }
}
