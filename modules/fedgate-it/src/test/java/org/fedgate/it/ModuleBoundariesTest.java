package org.fedgate.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module dependency direction of DESIGN.md, as a build rule: model ← mapping, policy, trust,
 * audit (none knows another) ← gateway ← cli. Bouncy Castle and Nimbus only in trust; Camel and CXF
 * only in gateway.
 */
class ModuleBoundariesTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.fedgate");
  }

  @Test
  void model_dependsOnNoOtherModule() {
    noClasses()
        .that()
        .resideInAPackage("org.fedgate.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.fedgate.mapping..",
            "org.fedgate.policy..",
            "org.fedgate.trust..",
            "org.fedgate.audit..",
            "org.fedgate.gateway..",
            "org.fedgate.cli..")
        .check(classes);
  }

  @Test
  void libraryModules_doNotKnowEachOther() {
    SlicesRuleDefinition.slices()
        .matching("org.fedgate.(mapping|policy|trust|audit)..")
        .should()
        .notDependOnEachOther()
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void libraryModules_doNotKnowGatewayOrCli() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.fedgate.model..",
            "org.fedgate.mapping..",
            "org.fedgate.policy..",
            "org.fedgate.trust..",
            "org.fedgate.audit..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.fedgate.gateway..", "org.fedgate.cli..")
        .check(classes);
  }

  @Test
  void gateway_doesNotKnowCli() {
    noClasses()
        .that()
        .resideInAPackage("org.fedgate.gateway..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.fedgate.cli..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void bouncyCastleAndNimbus_onlyInTrust() {
    noClasses()
        .that()
        .resideInAPackage("org.fedgate..")
        .and()
        .resideOutsideOfPackage("org.fedgate.trust..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.bouncycastle..", "com.nimbusds..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void camelAndCxf_onlyInGateway() {
    noClasses()
        .that()
        .resideInAPackage("org.fedgate..")
        .and()
        .resideOutsideOfPackage("org.fedgate.gateway..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.camel..", "org.apache.cxf..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void gatewayRuntime_usesLibraryModulesOnlyThroughItsSeams() {
    // routes, endpoints, stores and clients see the ports; only the adapters (module), the wiring
    // and the demo harness know the library modules
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.fedgate.gateway.route..",
            "org.fedgate.gateway.api..",
            "org.fedgate.gateway.store..",
            "org.fedgate.gateway.port..",
            "org.fedgate.gateway.backend..",
            "org.fedgate.gateway.soap..",
            "org.fedgate.gateway.config..",
            "org.fedgate.gateway.metrics..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.fedgate.mapping..",
            "org.fedgate.policy..",
            "org.fedgate.trust..",
            "org.fedgate.audit..")
        .check(classes);
  }
}
