package io.pulsehub.mesh;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Feature packages stay acyclic, so each can be read and changed on its own.
 */
@AnalyzeClasses(packages = "io.pulsehub.mesh", importOptions = ImportOption.DoNotIncludeTests.class)
class MeshArchitectureTests {

	@ArchTest
	static final ArchRule featurePackagesHaveNoCycles = slices().matching("io.pulsehub.mesh.(*)..")
		.should()
		.beFreeOfCycles();

}
