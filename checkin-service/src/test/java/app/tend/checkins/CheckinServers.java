package app.tend.checkins;

import static org.awaitility.Awaitility.await;

import app.tend.testkit.TendTestProperties;
import app.tend.testkit.TestCouples.Couple;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What every integration test of checkin-service needs: its real servers, and a couple it has heard of. */
public final class CheckinServers {

  private CheckinServers() {}

  /** checkin-service's database, the broker and Keycloak, all real. */
  public static void register(DynamicPropertyRegistry registry) {
    TendTestProperties.postgres(registry, "checkins");
    TendTestProperties.retention(registry);
    TendTestProperties.kafka(registry);
    TendTestProperties.keycloak(registry);
  }

  /** Waits until both partners' {@code PartnerJoined} have reached this service's projection. */
  public static void awaitJoined(DatabaseClient database, Couple couple) {
    await().atMost(Duration.ofSeconds(60)).until(() ->
        database.sql("select count(*) from partner where couple_id = :c").bind("c", couple.coupleId())
            .map(row -> row.get(0, Long.class)).one().block() == 2);
  }
}
