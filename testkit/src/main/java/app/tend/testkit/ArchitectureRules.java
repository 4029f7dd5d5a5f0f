package app.tend.testkit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house rules of Tend's architecture as ArchUnit rules, which each module's
 * {@code ArchitectureTest} checks against its own main code.
 */
public final class ArchitectureRules {

  private ArchitectureRules() {}

  /** The module's main classes, without its tests. */
  public static JavaClasses mainClassesOf(String rootPackage) {
    return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(rootPackage);
  }

  /** A module shares nothing with another but {@code platform} and {@code contracts}: no copies, no reaching in. */
  public static ArchRule sharesOnlyPlatformAndContracts(String rootPackage) {
    return noClasses().that().resideInAPackage(rootPackage + "..")
        .should().dependOnClassesThat(resideInAPackage("app.tend..")
            .and(not(resideInAnyPackage(rootPackage + "..", "app.tend.platform..", "app.tend.contracts.."))))
        .as("classes of " + rootPackage + " use nothing of Tend's but their own, platform's and contracts'");
  }

  /**
   * Feature packages never depend on each other in a circle. A handler of an event that drives more
   * than one feature lives with the feature that depends on the others (erasure, reminder), not in
   * the one they depend on (couple).
   */
  public static ArchRule noCyclesBetweenFeatures(String rootPackage) {
    return slices().matching(rootPackage + ".(*)..").namingSlices("$1")
        .should().beFreeOfCycles()
        .as("the feature packages of " + rootPackage + " depend on each other in no circle");
  }

  /** SQL lives in repositories: only a class annotated {@code @Repository} writes a statement. */
  public static ArchRule sqlOnlyInRepositories(String rootPackage) {
    return noClasses().that().resideInAPackage(rootPackage + "..")
        .and().areNotAnnotatedWith("org.springframework.stereotype.Repository")
        .should().callMethodWhere(target(name("sql")).and(target(owner(name("org.springframework.r2dbc.core.DatabaseClient")))))
        .as("only repositories of " + rootPackage + " write SQL");
  }

  /** An event is handled by a class of its own that names it (platform's {@code EventHandler}), not by a listener that compares names. */
  public static ArchRule eventsHandledByTheirOwnHandlers(String rootPackage) {
    return noMethods().that().areDeclaredInClassesThat().resideInAPackage(rootPackage + "..")
        .should().beAnnotatedWith("org.springframework.kafka.annotation.KafkaListener")
        .as("events reach " + rootPackage + " through an EventHandler each, not a @KafkaListener");
  }
}
