package app.tend.web;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Tend's web pages. Server-side Vaadin Flow with the pre-compiled frontend bundle (no Node needed),
 * Push for live notifications, Lumo plus one small stylesheet.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Push
@Viewport("width=device-width, initial-scale=1")
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/app.css")
public class WebUiApplication implements AppShellConfigurator {

  public static void main(String[] args) {
    SpringApplication.run(WebUiApplication.class, args);
  }

  @Override
  public void configurePage(AppShellSettings settings) {
    settings.setPageTitle("Tend");
  }
}
