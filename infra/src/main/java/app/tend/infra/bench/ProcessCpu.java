package app.tend.infra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a load's CPU went: the CPU time each of Tend's processes had used at the start of the
 * measured window and at its end, from Linux's {@code /proc/<pid>/stat}. A process counts with its
 * descendants, so PostgreSQL's backends are in PostgreSQL's figure; a child that ended meanwhile is
 * in its parent's figure for children it has waited for, so nothing is counted twice or lost.
 */
final class ProcessCpu {

  /** Linux's USER_HZ: the unit of the times in /proc/<pid>/stat, 100 on every Linux that Tend runs on. */
  private static final double TICKS_PER_SECOND = 100;

  private final Map<String, Long> processes;
  private Map<String, Long> ticksAtStart = Map.of();
  private long startedNanos;
  private final Map<String, Double> cores = new LinkedHashMap<>();

  /** @param processes the process ids to watch, by name */
  ProcessCpu(Map<String, Long> processes) {
    this.processes = processes;
  }

  void start() {
    startedNanos = System.nanoTime();
    ticksAtStart = ticks();
  }

  void stop() {
    var ticksAtEnd = ticks();
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    ticksAtEnd.forEach((name, ticks) -> cores.put(name, (ticks - ticksAtStart.getOrDefault(name, ticks)) / TICKS_PER_SECOND / seconds));
  }

  /** Cores each process used on average between {@link #start} and {@link #stop}. */
  Map<String, Double> cores() {
    return cores;
  }

  private Map<String, Long> ticks() {
    var ticks = new LinkedHashMap<String, Long>();
    processes.forEach((name, pid) -> ticks.put(name, ofTree(pid)));
    return ticks;
  }

  private static long ofTree(long pid) {
    var root = ProcessHandle.of(pid);
    if (root.isEmpty()) {
      return 0;
    }
    return Stream.concat(Stream.of(root.get()), root.get().descendants()).mapToLong(process -> ofProcess(process.pid())).sum();
  }

  /** utime + stime of the process and of its children that it has waited for. */
  private static long ofProcess(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name is in parentheses and may hold spaces; the fields counted from after it.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields[0] is the state (field 3 of stat(5)); utime, stime, cutime and cstime are fields 14 to 17.
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    } catch (IOException | SecurityException e) {
      // Ended between listing and reading: its time is its parent's now.
      return 0;
    }
  }
}
