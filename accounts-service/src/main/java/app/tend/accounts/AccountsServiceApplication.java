package app.tend.accounts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Clinics, clinicians, couples and partners, and their logins in Keycloak. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AccountsServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(AccountsServiceApplication.class, args);
  }
}
