package io.chaosfn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The house rules the compiler cannot check (style.md §1, §5): concept packages, no Lambda types, no ambient reads. */
class ArchitectureTest {
  private static final JavaClasses SHARED = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.chaosfn");

  @Test
  void conceptPackages_haveNoCycles() {
    slices().matching("io.chaosfn.(*)..").should().beFreeOfCycles().check(SHARED);
  }

  @Test
  void sharedLibrary_usesNoLambdaTypes() {
    noClasses().should().dependOnClassesThat().resideInAPackage("com.amazonaws.services.lambda..").check(SHARED);
  }

  @Test
  void sharedLibrary_neverReadsTheEnvironmentItself() {
    noClasses().should().callMethod(System.class, "getenv").orShould().callMethod(System.class, "getenv", String.class)
        .check(SHARED);
  }
}
