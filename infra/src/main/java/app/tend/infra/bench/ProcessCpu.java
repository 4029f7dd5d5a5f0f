package app.tend.infra.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a load's CPU went: the CPU time each of Tend's processes had used at the start of the
 * measured window and at its end, from Linux's {@code /proc/<pid>/stat}. A process counts with its
 * descendants, so PostgreSQL's backends are in PostgreSQL's figure; a child that ended meanwhile is
 * in its parent's figure for children it has waited for, so nothing is counted twice or lost.
 *
 * <p>Of a JVM's time, the part its JIT compiler threads used is told apart: a window that still
 * holds much compiling measured the JIT as much as the requests. A compiler thread that the JVM
 * retired within the window takes its time with it, so that part is a lower bound.
 */
public final class ProcessCpu {

  /**
   * Cores a process used on average over the window.
   *
   * @param compiling of those, its JIT compiler threads (0 for a process that is no JVM)
   */
  public record Cores(double all, double compiling) {}

  /** Linux's USER_HZ: the unit of the times in /proc/<pid>/stat, 100 on every Linux that Tend runs on. */
  private static final double TICKS_PER_SECOND = 100;

  private final Map<String, Long> processes;
  private Map<String, Long> ticksAtStart = Map.of();
  private Map<String, Map<Long, Long>> compilingAtStart = Map.of();
  private long startedNanos;
  private final Map<String, Cores> cores = new LinkedHashMap<>();

  /** @param processes the process ids to watch, by name */
  ProcessCpu(Map<String, Long> processes) {
    this.processes = processes;
  }

  void start() {
    startedNanos = System.nanoTime();
    ticksAtStart = ticks();
    compilingAtStart = compilerThreadTicks();
  }

  void stop() {
    var ticksAtEnd = ticks();
    var compilingAtEnd = compilerThreadTicks();
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    ticksAtEnd.forEach((name, ticks) -> {
      var before = compilingAtStart.getOrDefault(name, Map.of());
      // A compiler thread started within the window counts from 0.
      long compiling = compilingAtEnd.get(name).entrySet().stream().mapToLong(thread -> thread.getValue() - before.getOrDefault(thread.getKey(), 0L))
          .sum();
      cores.put(name, new Cores((ticks - ticksAtStart.getOrDefault(name, ticks)) / TICKS_PER_SECOND / seconds,
          compiling / TICKS_PER_SECOND / seconds));
    });
  }

  /** Cores each process used on average between {@link #start} and {@link #stop}. */
  Map<String, Cores> cores() {
    return cores;
  }

  /** For each process, the CPU ticks of each of its JIT compiler threads by thread id. */
  private Map<String, Map<Long, Long>> compilerThreadTicks() {
    var threads = new HashMap<String, Map<Long, Long>>();
    processes.forEach((name, pid) -> threads.put(name, compilerThreadTicks(pid)));
    return threads;
  }

  private static Map<Long, Long> compilerThreadTicks(long pid) {
    var ticks = new HashMap<Long, Long>();
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      tasks.forEach(task -> {
        try {
          // HotSpot names them "C1 CompilerThread0", "C2 CompilerThread1", …; the kernel keeps 15 characters.
          if (Files.readString(task.resolve("comm")).matches("C[12] CompilerThre.*\\R?")) {
            ticks.put(Long.parseLong(task.getFileName().toString()), ownTicks(Files.readString(task.resolve("stat"))));
          }
        } catch (IOException e) {
          // The thread ended between listing and reading; its time went with it.
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // The process has ended.
    }
    return ticks;
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
      String[] fields = fields(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    } catch (IOException | SecurityException e) {
      // Ended between listing and reading: its time is its parent's now.
      return 0;
    }
  }

  /** utime + stime of one thread. */
  private static long ownTicks(String stat) {
    String[] fields = fields(stat);
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /**
   * The fields of a {@code stat} line after the command name, which is in parentheses and may hold
   * spaces: [0] is the state (field 3 of stat(5)), so utime, stime, cutime and cstime (fields 14 to
   * 17) are [11] to [14].
   */
  private static String[] fields(String stat) {
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
  }
}
