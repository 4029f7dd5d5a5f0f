package app.tend.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.tend.infra.bench.BenchReport;
import app.tend.infra.bench.BenchRun;
import app.tend.infra.stack.DemoData;
import app.tend.testkit.TestInfrastructure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code ./tend bench} at a tiny size, on the running stack: every load runs and every column is
 * printed. No figure is judged here (the suite shares the machine with everything else); the full
 * run's figures are in docs/performance.md.
 */
class BenchE2EIT {

  @Test
  void everyScenarioRunsAndPrintsEveryColumn() {
    var stack = RunningTend.stack();
    var demo = new DemoData(stack.gatewayUrl(), RunningTend.keycloakAdmin(), DemoData.inboxOf(TestInfrastructure.mail()));
    var clinic = demo.clinicWithCouples("Bench clinic", "bench.e2e.test", 2);
    demo.importHistory(clinic);
    var target = new BenchRun.Target(stack, RunningTend.keycloakAdmin(), clinic.couples(), "clinician@bench.e2e.test",
        TestInfrastructure.postgres(), TestInfrastructure.kafka(), TestInfrastructure.serverProcesses(),
        TestInfrastructure.workDirectory().resolve("bench"));

    var report = BenchRun.run(target, new BenchRun.Settings(Duration.ofSeconds(1), Duration.ofSeconds(3), 2, Duration.ofSeconds(5), 300),
        line -> System.out.println("bench: " + line));
    String table = report.markdown();
    System.out.println(table);

    assertThat(table).contains(String.join(" | ", BenchReport.COLUMNS));
    assertThat(report.measurements()).extracting(m -> m.scenario() + " / " + m.through()).containsExactly(
        "check-in write / gateway", "check-in write / direct to checkin-service",
        "check-in write / raw R2DBC transaction (row + outbox row)",
        "authenticated GET / gateway", "authenticated GET / nginx", "authenticated GET / direct to checkin-service",
        "caseload read (2 couples, 4 weeks of history) / gateway");
    // Every load that ran got answers (the gateway's default per-person limit may refuse some: 429).
    assertThat(report.measurements()).filteredOn(BenchReport.Measurement::ran)
        .allSatisfy(m -> assertThat(m.answered()).as(m.scenario() + " / " + m.through()).isPositive());
    assertThat(report.ratios(report.measurements().getFirst())).hasSize(2)
        .anySatisfy(ratio -> assertThat(ratio).endsWith("× direct to checkin-service"))
        .anySatisfy(ratio -> assertThat(ratio).endsWith("× raw R2DBC transaction (row + outbox row)"));

    // The CPU each process used: a write straight to checkin-service used checkin-service's, and
    // its JIT's part is a part of it.
    var directWrite = report.measurements().get(1);
    assertThat(directWrite.processCores().get("checkin-service").all()).isPositive();
    assertThat(directWrite.processCores()).containsKeys("gateway", "accounts-service", "checkin-service", "notification-service", "web-ui")
        .allSatisfy((process, used) -> assertThat(used.compiling()).as(process).isBetween(0.0, used.all() + 0.01));
    assertThat(table).contains("## Where the CPU went", "| scenario | through | gateway | accounts-service | checkin-service |");

    // The partner heard of every appreciation, the raw round trip lost nothing, and every reminder
    // went out once and was moved on to tomorrow.
    assertThat(report.eventToPartner().events()).isPositive();
    assertThat(report.eventToPartner().missing()).isZero();
    assertThat(report.eventToPartner().latencyMicros().getTotalCount()).isEqualTo(report.eventToPartner().events());
    // The open loop's window has its own CPU row: the check-ins went through the gateway to checkin-service.
    assertThat(report.eventToPartner().processCores().get("gateway").all()).isPositive();
    assertThat(report.eventToPartner().processCores().get("checkin-service").all()).isPositive();
    assertThat(report.kafkaRoundTrip().events()).isPositive();
    assertThat(report.kafkaRoundTrip().lost()).isZero();
    assertThat(report.reminderBurst().created()).isEqualTo(300);
    assertThat(report.reminderBurst().sentTwice()).isZero();
    assertThat(report.reminderBurst().leftDue()).isZero();
    assertThat(table).contains("| event to partner (below) | gateway, open loop at ", "## Event to partner", "| path | events/s | events | p50 ms | p99 ms | max ms | missing |",
        "## Reminder burst", "| partners | first in a feed after s | all in feeds after s | reminders/s | sent twice | missing |");

    assertThat(report.underLoad().tend()).containsKeys("gateway", "accounts-service", "checkin-service", "notification-service", "web-ui")
        .allSatisfy((process, footprint) -> assertThat(footprint.rssKib()).as(process).isPositive());
    assertThat(report.timeToReady()).allSatisfy((app, duration) -> assertThat(duration).as(app).isPositive());
    assertThat(report.json()).contains("\"answeredPerSecond\"", "\"wholeStackPssMib\"", "\"timeToReadySeconds\"", "\"eventToPartner\"",
        "\"kafkaRoundTrip\"", "\"reminderBurst\"", "\"jitCores\"");
  }
}
