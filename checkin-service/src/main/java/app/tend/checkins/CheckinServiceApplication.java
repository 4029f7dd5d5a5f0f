package app.tend.checkins;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Check-ins, trends, commitments, repairs and measures: the partner's daily practice. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CheckinServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(CheckinServiceApplication.class, args);
  }
}
