package io.pulsehub.profile;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The service's feature packages (trending, read, attributes, erasure, segment) do not
 * use each other: what they share is the profile kernel ({@code core}: fields, view,
 * stores, problems) and the L1 cache, which know no feature, or {@code contracts}.
 */
@AnalyzeClasses(packages = "io.pulsehub.profile", importOptions = ImportOption.DoNotIncludeTests.class)
class ProfileArchitectureTests {

	private static final String[] FEATURES = { "..profile.trending..", "..profile.read..", "..profile.attributes..",
			"..profile.erasure..", "..profile.segment.." };

	@ArchTest
	static final ArchRule featurePackagesAreIndependent = slices()
		.matching("io.pulsehub.profile.(trending|read|attributes|erasure|segment)..")
		.should()
		.notDependOnEachOther();

	@ArchTest
	static final ArchRule sharedPackagesKnowNoFeature = noClasses().that()
		.resideInAnyPackage("..profile.core..", "..profile.cache..", "..profile.config..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(FEATURES);

	@ArchTest
	static final ArchRule coreDoesNotKnowTheCache = noClasses().that()
		.resideInAPackage("..profile.core..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("..profile.cache..");

	@ArchTest
	static final ArchRule slicesAreFreeOfCycles = slices().matching("io.pulsehub.profile.(*)..")
		.should()
		.beFreeOfCycles();

}
