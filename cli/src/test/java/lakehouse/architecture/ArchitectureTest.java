package lakehouse.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering the modules promise, checked on the compiled main classes of every module: shared at
 * the ground, bronze, silver and gold beside each other, the online store above gold, the command
 * line on top, and the pure transformations free of storage. A new import that breaks a rule fails
 * the build.
 */
@AnalyzeClasses(packages = "lakehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /**
   * Transformations take Datasets and return Datasets; reading and writing tables is someone else's
   * job.
   */
  @ArchTest
  static final ArchRule transformationsDoNotTouchStorage =
      noClasses()
          .that()
          .resideInAnyPackage(
              "lakehouse.silver.validation..",
              "lakehouse.silver.dedup..",
              "lakehouse.silver.migration..",
              "lakehouse.silver.features..",
              "lakehouse.gold.features..",
              "lakehouse.gold.training..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.delta..", "org.apache.hadoop..")
          .because(
              "a transformation is Dataset in, Dataset out: storage belongs to the thin code around it");

  @ArchTest
  static final ArchRule layersDoNotImportTheCommandLine =
      noClasses()
          .that()
          .resideOutsideOfPackage("lakehouse.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("lakehouse.cli..")
          .because("the command line sits on top: it calls the layers, never the other way round");

  @ArchTest
  static final ArchRule silverDoesNotImportGold =
      noClasses()
          .that()
          .resideInAPackage("lakehouse.silver..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("lakehouse.gold..", "lakehouse.online..")
          .because("gold is built from silver; silver knows nothing of what is built from it");

  @ArchTest
  static final ArchRule bronzeImportsOnlyShared =
      noClasses()
          .that()
          .resideInAPackage("lakehouse.bronze..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "lakehouse.silver..",
              "lakehouse.gold..",
              "lakehouse.online..",
              "lakehouse.generate..")
          .because("bronze lands raw files and depends on the shared ground only");

  @ArchTest
  static final ArchRule sharedImportsNoLayer =
      noClasses()
          .that()
          .resideInAPackage("lakehouse.shared..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "lakehouse.bronze..",
              "lakehouse.silver..",
              "lakehouse.gold..",
              "lakehouse.online..",
              "lakehouse.generate..")
          .because("shared is the ground every layer stands on");

  @ArchTest
  static final ArchRule goldDoesNotImportTheOnlineStore =
      noClasses()
          .that()
          .resideInAPackage("lakehouse.gold..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("lakehouse.online..", "redis.clients..")
          .because("the online store is built on gold, in a module of its own");

  @ArchTest
  static final ArchRule onlineClientHasNoSpark =
      noClasses()
          .that()
          .resideInAPackage("lakehouse.online.client..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.apache.spark..",
              "io.delta..",
              "org.apache.hadoop..",
              "scala..",
              "lakehouse.shared..",
              "lakehouse.gold..")
          .because("a serving application depends on the client alone, without the Spark layer");

  @ArchTest
  static final ArchRule generatorImportsOnlyShared =
      noClasses()
          .that()
          .resideInAPackage("lakehouse.generate..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "lakehouse.bronze..", "lakehouse.silver..", "lakehouse.gold..", "lakehouse.online..")
          .because(
              "the generator writes what producers write, knowing nothing of how the lake reads it");
}
