package app.tend.platform;

import app.tend.testkit.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The house rules that hold for the platform too: it knows no service, and its packages depend on
 * each other in no circle. Its outbox, inbox and audit log write their own tables' SQL: they are
 * the plumbing the services' repositories stand beside.
 */
class ArchitectureTest {

  private static final String ROOT = "app.tend.platform";
  private static final JavaClasses CLASSES = ArchitectureRules.mainClassesOf(ROOT);

  @Test
  void knowsNothingOfTendButContracts() {
    ArchitectureRules.sharesOnlyPlatformAndContracts(ROOT).check(CLASSES);
  }

  @Test
  void packagesDependOnEachOtherInNoCircle() {
    ArchitectureRules.noCyclesBetweenFeatures(ROOT).check(CLASSES);
  }
}
