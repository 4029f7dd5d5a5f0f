package app.tend.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.tend.infra.bench.BenchReport;
import app.tend.infra.bench.BenchRun;
import app.tend.testkit.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ./tend bench} at a tiny size, on the running stack: every load runs and every column is
 * printed. No figure is judged here (the suite shares the machine with everything else); the full
 * run's figures are in the README.
 */
class BenchE2EIT {

  @Test
  void everyScenarioRunsAndPrintsEveryColumn() {
    var stack = RunningTend.stack();
    var clinic = new app.tend.infra.stack.DemoData(stack.gatewayUrl(), RunningTend.keycloakAdmin(),
        app.tend.infra.stack.DemoData.inboxOf(TestInfrastructure.mail())).clinicWithCouples("Bench clinic", "bench.e2e.test", 2);
    List<String> partners = clinic.couples().stream().flatMap(c -> Stream.of(c.firstEmail(), c.secondEmail())).toList();
    var target = new BenchRun.Target(stack, RunningTend.keycloakAdmin(), partners, TestInfrastructure.postgres(), TestInfrastructure.serverProcesses(),
        TestInfrastructure.workDirectory().resolve("bench"));

    var report = BenchRun.run(target, new BenchRun.Settings(Duration.ofSeconds(1), Duration.ofSeconds(2), 2, Duration.ofSeconds(5)),
        line -> System.out.println("bench: " + line));
    String table = report.markdown();
    System.out.println(table);

    assertThat(table).contains(String.join(" | ", BenchReport.COLUMNS));
    assertThat(report.measurements()).extracting(m -> m.scenario() + " / " + m.through()).containsExactly(
        "check-in write / gateway", "check-in write / direct to checkin-service",
        "check-in write / raw R2DBC transaction (row + outbox row)",
        "authenticated GET / gateway", "authenticated GET / nginx", "authenticated GET / direct to checkin-service");
    // Every load that ran got answers (the gateway's default per-person limit may refuse some: 429).
    assertThat(report.measurements()).filteredOn(BenchReport.Measurement::ran)
        .allSatisfy(m -> assertThat(m.answered()).as(m.scenario() + " / " + m.through()).isPositive());
    assertThat(report.ratios(report.measurements().getFirst())).hasSize(2)
        .anySatisfy(ratio -> assertThat(ratio).endsWith("× direct to checkin-service"))
        .anySatisfy(ratio -> assertThat(ratio).endsWith("× raw R2DBC transaction (row + outbox row)"));
    assertThat(report.underLoad().tend()).containsKeys("gateway", "accounts-service", "checkin-service", "notification-service", "web-ui")
        .allSatisfy((process, footprint) -> assertThat(footprint.rssKib()).as(process).isPositive());
    assertThat(report.timeToReady()).allSatisfy((app, duration) -> assertThat(duration).as(app).isPositive());
    assertThat(report.json()).contains("\"answeredPerSecond\"", "\"wholeStackPssMib\"", "\"timeToReadySeconds\"");
  }
}
