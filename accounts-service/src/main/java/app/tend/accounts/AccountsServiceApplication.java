package app.tend.accounts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Clinics, clinicians, couples and partners, and their logins in Keycloak. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AccountsServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(AccountsServiceApplication.class, args);
  }
}
