package app.tend.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.tend.infra.chaos.Attempt.Outcome;
import app.tend.infra.chaos.ChaosAudit;
import app.tend.infra.chaos.ChaosLoad;
import app.tend.infra.chaos.ChaosRun;
import app.tend.infra.chaos.Fault;
import app.tend.infra.chaos.Faults;
import app.tend.infra.stack.DemoData;
import app.tend.testkit.InfrastructureMode;
import app.tend.testkit.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ./tend chaos} at a small size, on the running stack: three couples practise through the
 * gateway while each part on their way (gateway, checkin-service, notification-service, Kafka,
 * PostgreSQL, Keycloak) is killed with SIGKILL in turn and started again. Nothing accepted may be lost, no event may miss or double a partner's feed, every part
 * must recover, and every request must be answered: a 503 problem while a part it needs is down
 * (only the gateway's own death shows as a refused or broken connection).
 */
class ChaosE2EIT {

  @Test
  void everyPartKilledUnderLoadLosesNothingAndLeavesNoRequestHanging() {
    assumeTrue(TestInfrastructure.mode() == InfrastructureMode.EMBEDDED,
        "servers are killed and started again in place only in embedded mode (a restarted container gets another host port)");
    var stack = RunningTend.stack();
    var keycloak = RunningTend.keycloakAdmin();
    var clinic = new DemoData(stack.gatewayUrl(), keycloak, DemoData.inboxOf(TestInfrastructure.mail()))
        .clinicWithCouples("Chaos clinic", "chaos.e2e.test", 3);
    // Every part the load passes through. accounts-service and web-ui are not on its path (it
    // signs in at Keycloak and writes through the gateway to checkin-service): ./tend chaos kills
    // them too, and the test suite keeps its 30 minutes.
    List<Fault> faults = new ArrayList<>(Faults.apps(stack).stream()
        .filter(fault -> !List.of("accounts-service", "web-ui").contains(fault.component()))
        .toList());
    faults.addAll(TestInfrastructure.serverFaults());
    var load = new ChaosLoad(stack.gatewayUrl(), keycloak, clinic.couples(), Duration.ofMillis(100));
    var audit = new ChaosAudit(TestInfrastructure.postgres(), clinic.clinicId(), Instant.now());

    var report = ChaosRun.run(load, audit, faults,
        new ChaosRun.Settings(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ZERO, Duration.ofMinutes(2)),
        line -> System.out.println("chaos: " + line));
    System.out.println(report.table());

    assertThat(report.failures()).as("what the chaos run must never show").isEmpty();
    assertThat(report.rows()).extracting(row -> row.component())
        .containsExactlyElementsOf(faults.stream().map(Fault::component).toList());
    assertThat(report.findings().acceptedWrites()).as("the load did real work").isGreaterThan(100);
    assertThat(report.rows()).as("a service or server down is answered with 503 problems, which the run saw")
        .anySatisfy(row -> assertThat(row.duringOutage().getOrDefault(Outcome.UNAVAILABLE, 0L)).isPositive());
  }
}
