package io.pulsehub.profile;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The service's feature packages (trending, and the profile, cache and erasure packages
 * to come) do not use each other: what they share lives in {@code contracts} or Redis.
 */
@AnalyzeClasses(packages = "io.pulsehub.profile", importOptions = ImportOption.DoNotIncludeTests.class)
class ProfileArchitectureTests {

	@ArchTest
	static final ArchRule featurePackagesAreIndependent = slices().matching("io.pulsehub.profile.(*)..")
		.should()
		.notDependOnEachOther();

}
