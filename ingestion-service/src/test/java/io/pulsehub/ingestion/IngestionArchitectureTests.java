package io.pulsehub.ingestion;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The collection API and the archive meet only at the Kafka topic: neither package uses
 * the other.
 */
@AnalyzeClasses(packages = "io.pulsehub.ingestion", importOptions = ImportOption.DoNotIncludeTests.class)
class IngestionArchitectureTests {

	@ArchTest
	static final ArchRule featurePackagesAreIndependent = slices().matching("io.pulsehub.ingestion.(*)..")
		.should()
		.notDependOnEachOther();

}
