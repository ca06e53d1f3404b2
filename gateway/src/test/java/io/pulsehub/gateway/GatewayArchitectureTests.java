package io.pulsehub.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Feature packages stay acyclic, so each can be read and changed on its own.
 */
@AnalyzeClasses(packages = "io.pulsehub.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTests {

	@ArchTest
	static final ArchRule featurePackagesHaveNoCycles = slices().matching("io.pulsehub.gateway.(*)..")
		.should()
		.beFreeOfCycles();

}
