package io.pulsehub.stream;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The topology package assembles the features; the features (device, tags, trending) do
 * not know each other beyond what a tagged event carries, and nothing knows the topology.
 */
@AnalyzeClasses(packages = "io.pulsehub.stream", importOptions = ImportOption.DoNotIncludeTests.class)
class StreamArchitectureTests {

	@ArchTest
	static final ArchRule noPackageCycles = slices().matching("io.pulsehub.stream.(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule featuresStayApart = layeredArchitecture().consideringOnlyDependenciesInLayers()
		.layer("topology")
		.definedBy("io.pulsehub.stream.topology..")
		.layer("status")
		.definedBy("io.pulsehub.stream.status..")
		.layer("tags")
		.definedBy("io.pulsehub.stream.tags..")
		.layer("trending")
		.definedBy("io.pulsehub.stream.trending..")
		.layer("device")
		.definedBy("io.pulsehub.stream.device..")
		.whereLayer("topology")
		.mayNotBeAccessedByAnyLayer()
		.whereLayer("status")
		.mayNotBeAccessedByAnyLayer()
		.whereLayer("trending")
		.mayOnlyBeAccessedByLayers("topology")
		.whereLayer("tags")
		.mayOnlyBeAccessedByLayers("topology")
		.whereLayer("device")
		.mayOnlyBeAccessedByLayers("topology", "tags");

}
