package app.tend.infra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The memory a process and its children hold, from Linux's {@code /proc/<pid>/smaps_rollup}: RSS
 * (resident pages, shared ones counted in each process) and PSS (each shared page split among its
 * sharers), so the PSS of several processes adds up to what they hold together; PostgreSQL's
 * shared buffers, for one, would be counted once per backend in a sum of RSS.
 *
 * @param rssKib resident set size, KiB
 * @param pssKib proportional set size, KiB
 */
public record Footprint(long rssKib, long pssKib) {

  static final Footprint NONE = new Footprint(0, 0);

  /** The process {@code pid} with all its descendants; nothing when it is gone. */
  static Footprint of(long pid) {
    var root = ProcessHandle.of(pid);
    if (root.isEmpty()) {
      return NONE;
    }
    return Stream.concat(Stream.of(root.get()), root.get().descendants())
        .map(process -> ofProcessAlone(process.pid()))
        .reduce(NONE, Footprint::plus);
  }

  Footprint plus(Footprint other) {
    return new Footprint(rssKib + other.rssKib, pssKib + other.pssKib);
  }

  double rssMib() {
    return rssKib / 1024.0;
  }

  double pssMib() {
    return pssKib / 1024.0;
  }

  /** The process {@code pid} without its children. */
  static Footprint ofProcessAlone(long pid) {
    try {
      long rss = 0;
      long pss = 0;
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
        if (line.startsWith("Rss:")) {
          rss = kib(line);
        } else if (line.startsWith("Pss:")) {
          pss = kib(line);
        }
      }
      return new Footprint(rss, pss);
    } catch (IOException | SecurityException e) {
      // A backend that ended between listing and reading holds nothing any more.
      return NONE;
    }
  }

  private static long kib(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]", ""));
  }
}
