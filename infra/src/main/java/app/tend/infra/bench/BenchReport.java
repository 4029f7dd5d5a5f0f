package app.tend.infra.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/** What one benchmark run measured: a Markdown table to read and JSON to compare runs with. */
public record BenchReport(BenchRun.Settings settings, int cores, List<Measurement> measurements, EventToPartner.Result eventToPartner,
    KafkaRoundTrip.Result kafkaRoundTrip, ReminderBurst.Result reminderBurst, Footprints underLoad, Map<String, Duration> timeToReady) {

  /** The column headers of the throughput table, in order. */
  public static final List<String> COLUMNS =
      List.of("scenario", "through", "answered/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "not 2xx", "generator CPU", "ratio");

  /**
   * One load's figures, or why it did not run.
   *
   * @param result null when it did not run
   * @param processCores cores each of Tend's processes used during the measured window, and its JIT of those
   */
  public record Measurement(String scenario, String through, ClosedLoop.Result result, Map<String, ProcessCpu.Cores> processCores,
      String notRunBecause) {

    static Measurement of(String scenario, String through, ClosedLoop.Result result, Map<String, ProcessCpu.Cores> processCores) {
      return new Measurement(scenario, through, result, processCores, null);
    }

    static Measurement notRun(String scenario, String through, String because) {
      return new Measurement(scenario, through, null, Map.of(), because);
    }

    public boolean ran() {
      return result != null;
    }

    public long answered() {
      return ran() ? result.answered() : 0;
    }

    public double perSecond() {
      return ran() ? result.perSecond() : Double.NaN;
    }
  }

  /**
   * Memory under load.
   *
   * @param tend each of Tend's processes (apps and servers), with its children
   * @param generator the load generator's own JVM, which is not Tend's
   */
  public record Footprints(Map<String, Footprint> tend, Footprint generator) {

    Footprint total() {
      return tend.values().stream().reduce(Footprint.NONE, Footprint::plus);
    }
  }

  /**
   * The ratios of a load's throughput to each load listed after it in its scenario: the gateway's to
   * every baseline, the service's own to the raw transaction. The last load is the baseline.
   */
  public List<String> ratios(Measurement measurement) {
    var same = measurements.stream().filter(m -> m.scenario().equals(measurement.scenario())).toList();
    if (same.size() == 1) {
      return List.of("—");
    }
    if (same.getLast() == measurement) {
      return List.of("baseline");
    }
    return same.stream().skip(same.indexOf(measurement) + 1)
        .map(baseline -> baseline.ran()
            ? format(measurement.perSecond() / baseline.perSecond()) + " × " + baseline.through()
            : "— × " + baseline.through() + " (" + baseline.notRunBecause() + ")")
        .toList();
  }

  public String markdown() {
    var out = new StringBuilder();
    out.append("## Throughput and latency (closed loop, ").append(settings.workers()).append(" requests in flight, ")
        .append(settings.warmUp().toSeconds()).append(" s warm-up, ").append(settings.measured().toSeconds())
        .append(" s measured, ").append(cores).append(" cores; each load starts once the machine is quiet, after at most ")
        .append(settings.quietAtMost().toSeconds()).append(" s)\n\n");
    out.append(COLUMNS.stream().collect(Collectors.joining(" | ", "| ", " |\n")));
    out.append(COLUMNS.stream().map(c -> "---").collect(Collectors.joining(" | ", "| ", " |\n")));
    for (var m : measurements) {
      List<String> cells = new ArrayList<>(List.of(m.scenario(), m.through()));
      if (m.ran()) {
        var r = m.result();
        cells.addAll(List.of(format(r.perSecond()), format(r.percentileMillis(50)), format(r.percentileMillis(99)),
            format(r.percentileMillis(99.9)), format(r.percentileMillis(100)), notOk(r),
            format(r.generatorCores()) + " of " + cores + " cores"));
      } else {
        cells.addAll(List.of("—", "—", "—", "—", "—", "—", m.notRunBecause()));
      }
      cells.add(String.join(", ", ratios(m)));
      out.append(cells.stream().collect(Collectors.joining(" | ", "| ", " |\n")));
    }
    out.append("\n## Where the CPU went (cores each process used during the measured window, of ").append(cores)
        .append("; with its children, so PostgreSQL includes its backends; in brackets what a JVM's JIT compiler threads used of it)\n\n");
    var processes = measurements.stream().filter(Measurement::ran).findFirst().map(m -> m.processCores().keySet()).orElse(java.util.Set.of());
    var header = new ArrayList<String>(List.of("scenario", "through"));
    header.addAll(processes);
    header.add("load generator");
    out.append(header.stream().collect(Collectors.joining(" | ", "| ", " |\n")));
    out.append(header.stream().map(c -> "---").collect(Collectors.joining(" | ", "| ", " |\n")));
    for (var m : measurements.stream().filter(Measurement::ran).toList()) {
      var cells = new ArrayList<String>(List.of(m.scenario(), m.through()));
      processes.forEach(process -> cells.add(cores(m.processCores().get(process))));
      cells.add(format(m.result().generatorCores()));
      out.append(cells.stream().collect(Collectors.joining(" | ", "| ", " |\n")));
    }
    var eventCells = new ArrayList<String>(List.of("event to partner (below)",
        "gateway, open loop at " + format(eventToPartner.requestsPerSecond()) + " check-ins/s"));
    processes.forEach(process -> eventCells.add(cores(eventToPartner.processCores().get(process))));
    eventCells.add("—");
    out.append(eventCells.stream().collect(Collectors.joining(" | ", "| ", " |\n")));
    out.append("\n## Event to partner (open loop at half the gateway's check-in peak: ")
        .append(format(eventToPartner.requestsPerSecond())).append(" check-ins/s, every other one an appreciation the partner is told of; ")
        .append(settings.warmUp().toSeconds()).append(" s warm-up, ").append(settings.measured().toSeconds()).append(" s measured)\n\n");
    out.append("| path | events/s | events | p50 ms | p99 ms | max ms | missing |\n| --- | --- | --- | --- | --- | --- | --- |\n");
    out.append("| check-in answered → partner's notification row (outbox, relay, Kafka, consumer) | ")
        .append(format(eventToPartner.requestsPerSecond() / 2)).append(" | ").append(eventToPartner.events()).append(" | ")
        .append(latencies(eventToPartner.latencyMicros())).append(" | ").append(eventToPartner.missing());
    if (eventToPartner.failedRequests() > 0) {
      out.append(" (").append(eventToPartner.failedRequests()).append(" check-ins not answered 2xx; their couples left out)");
    }
    out.append(" |\n");
    out.append("| raw Kafka produce → consume, same broker (baseline) | ").append(format(kafkaRoundTrip.perSecond())).append(" | ")
        .append(kafkaRoundTrip.events()).append(" | ").append(latencies(kafkaRoundTrip.latencyMicros())).append(" | ")
        .append(kafkaRoundTrip.lost()).append(" |\n");
    if (eventToPartner.beforeTheAnswer() > 0) {
      out.append("\n").append(eventToPartner.beforeTheAnswer())
          .append(" notifications were written before the writer had its answer; they count as 0 ms.\n");
    }
    out.append("\n## Reminder burst (every reminder due at the same instant)\n\n");
    out.append("| partners | first in a feed after s | all in feeds after s | reminders/s | sent twice | missing | still due afterwards |\n")
        .append("| --- | --- | --- | --- | --- | --- | --- |\n");
    out.append("| ").append(String.format(Locale.ROOT, "%,d", reminderBurst.partners())).append(" | ")
        .append(format(reminderBurst.firstAfter().toMillis() / 1000.0)).append(" | ").append(format(reminderBurst.allAfter().toMillis() / 1000.0))
        .append(" | ").append(format(reminderBurst.perSecond())).append(" | ").append(reminderBurst.sentTwice()).append(" | ")
        .append(reminderBurst.missing()).append(" | ").append(reminderBurst.leftDue()).append(" |\n");
    out.append("\n## Footprint (memory while the check-in writes went through the gateway; time to ready at start)\n\n");
    out.append("| process | RSS MiB | PSS MiB | time to ready s |\n| --- | --- | --- | --- |\n");
    underLoad.tend().forEach((name, footprint) -> out.append("| ").append(name).append(" | ").append(format(footprint.rssMib()))
        .append(" | ").append(format(footprint.pssMib())).append(" | ")
        .append(timeToReady.containsKey(name) ? format(timeToReady.get(name).toMillis() / 1000.0) : "—").append(" |\n"));
    var total = underLoad.total();
    out.append("| **whole stack** | ").append(format(total.rssMib())).append(" (shared pages counted per process) | **")
        .append(format(total.pssMib())).append("** | — |\n");
    out.append("| load generator (not Tend) | ").append(format(underLoad.generator().rssMib())).append(" | ")
        .append(format(underLoad.generator().pssMib())).append(" | — |\n");
    return out.toString();
  }

  public String json() {
    var root = new LinkedHashMap<String, Object>();
    root.put("settings", Map.of("warmUpSeconds", settings.warmUp().toSeconds(), "measuredSeconds", settings.measured().toSeconds(),
        "workers", settings.workers(), "quietAtMostSeconds", settings.quietAtMost().toSeconds(), "cores", cores));
    List<Map<String, Object>> loads = new ArrayList<>();
    for (var m : measurements) {
      var load = new LinkedHashMap<String, Object>();
      load.put("scenario", m.scenario());
      load.put("through", m.through());
      if (m.ran()) {
        var r = m.result();
        load.put("answeredPerSecond", r.perSecond());
        load.put("answered", r.answered());
        load.put("p50Ms", r.percentileMillis(50));
        load.put("p99Ms", r.percentileMillis(99));
        load.put("p999Ms", r.percentileMillis(99.9));
        load.put("maxMs", r.percentileMillis(100));
        load.put("notOk", r.statuses().entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue)));
        load.put("generatorCores", r.generatorCores());
        load.put("processCores", processCoresJson(m.processCores()));
      } else {
        load.put("notRunBecause", m.notRunBecause());
      }
      load.put("ratios", ratios(m));
      loads.add(load);
    }
    root.put("loads", loads);
    var toPartner = new LinkedHashMap<String, Object>();
    toPartner.put("checkinsPerSecond", eventToPartner.requestsPerSecond());
    toPartner.put("events", eventToPartner.events());
    toPartner.putAll(latencyJson(eventToPartner.latencyMicros()));
    toPartner.put("missing", eventToPartner.missing());
    toPartner.put("failedCheckins", eventToPartner.failedRequests());
    toPartner.put("writtenBeforeTheAnswer", eventToPartner.beforeTheAnswer());
    toPartner.put("processCores", processCoresJson(eventToPartner.processCores()));
    root.put("eventToPartner", toPartner);
    var roundTrip = new LinkedHashMap<String, Object>();
    roundTrip.put("perSecond", kafkaRoundTrip.perSecond());
    roundTrip.put("events", kafkaRoundTrip.events());
    roundTrip.putAll(latencyJson(kafkaRoundTrip.latencyMicros()));
    roundTrip.put("lost", kafkaRoundTrip.lost());
    root.put("kafkaRoundTrip", roundTrip);
    var burst = new LinkedHashMap<String, Object>();
    burst.put("partners", reminderBurst.partners());
    burst.put("firstAfterSeconds", reminderBurst.firstAfter().toMillis() / 1000.0);
    burst.put("allAfterSeconds", reminderBurst.allAfter().toMillis() / 1000.0);
    burst.put("remindersPerSecond", reminderBurst.perSecond());
    burst.put("sentTwice", reminderBurst.sentTwice());
    burst.put("missing", reminderBurst.missing());
    burst.put("stillDueAfterwards", reminderBurst.leftDue());
    root.put("reminderBurst", burst);
    var footprint = new LinkedHashMap<String, Object>();
    underLoad.tend().forEach((name, f) -> footprint.put(name, Map.of("rssMib", f.rssMib(), "pssMib", f.pssMib())));
    root.put("footprintUnderLoad", footprint);
    root.put("wholeStackPssMib", underLoad.total().pssMib());
    root.put("generatorRssMib", underLoad.generator().rssMib());
    var ready = new LinkedHashMap<String, Object>();
    timeToReady.forEach((app, duration) -> ready.put(app, duration == null ? null : duration.toMillis() / 1000.0));
    root.put("timeToReadySeconds", ready);
    return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  /** "0.97", or "0.97 (JIT 0.31)" while the process was still compiling. */
  private static Map<String, Object> processCoresJson(Map<String, ProcessCpu.Cores> processCores) {
    var json = new LinkedHashMap<String, Object>();
    processCores.forEach((process, used) -> {
      var figures = new LinkedHashMap<String, Object>();
      figures.put("cores", used.all());
      figures.put("jitCores", used.compiling());
      json.put(process, figures);
    });
    return json;
  }

  private static String cores(ProcessCpu.Cores used) {
    if (used == null) {
      return format(Double.NaN);
    }
    return used.compiling() < 0.005 ? format(used.all()) : format(used.all()) + " (JIT " + format(used.compiling()) + ")";
  }

  private static String latencies(Histogram micros) {
    return String.join(" | ", format(ClosedLoop.millis(micros, 50)), format(ClosedLoop.millis(micros, 99)), format(ClosedLoop.millis(micros, 100)));
  }

  private static Map<String, Object> latencyJson(Histogram micros) {
    var figures = new LinkedHashMap<String, Object>();
    figures.put("p50Ms", ClosedLoop.millis(micros, 50));
    figures.put("p99Ms", ClosedLoop.millis(micros, 99));
    figures.put("maxMs", ClosedLoop.millis(micros, 100));
    return figures;
  }

  private static String notOk(ClosedLoop.Result result) {
    if (result.statuses().isEmpty()) {
      return "0";
    }
    return result.statuses().entrySet().stream()
        .map(e -> e.getValue() + " × " + (e.getKey() < 0 ? "no answer" : e.getKey()))
        .collect(Collectors.joining(", "));
  }

  private static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "—";
    }
    if (value >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
  }
}
