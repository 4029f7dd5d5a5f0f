package app.tend.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The house rules ({@link ArchitectureRules}) against one application module's main code. A
 * module's {@code ArchitectureTest} extends this with its root package. One instance for all the
 * rules, so the module's classes are read once rather than once a rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ArchitectureContract {

  private final String rootPackage;
  private final JavaClasses classes;

  protected ArchitectureContract(String rootPackage) {
    this.rootPackage = rootPackage;
    this.classes = ArchitectureRules.mainClassesOf(rootPackage);
  }

  @Test
  void sharesNothingButPlatformAndContracts() {
    ArchitectureRules.sharesOnlyPlatformAndContracts(rootPackage).check(classes);
  }

  @Test
  void featurePackagesDependOnEachOtherInNoCircle() {
    ArchitectureRules.noCyclesBetweenFeatures(rootPackage).check(classes);
  }

  @Test
  void onlyRepositoriesWriteSql() {
    ArchitectureRules.sqlOnlyInRepositories(rootPackage).check(classes);
  }

  @Test
  void eventsArriveThroughAHandlerEach() {
    ArchitectureRules.eventsHandledByTheirOwnHandlers(rootPackage).check(classes);
  }
}
