package io.pulsehub.sync;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of the sync: {@code store} (Redis and MongoDB) knows nothing else,
 * {@code strategy} knows only the stores, the router and the admin endpoints sit on top;
 * no cycles.
 */
@AnalyzeClasses(packages = "io.pulsehub.sync", importOptions = ImportOption.DoNotIncludeTests.class)
class SyncArchitectureTests {

	@ArchTest
	static final ArchRule storesKnowNoStrategyRouterOrEndpoint = noClasses().that()
		.resideInAPackage("..sync.store..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..sync.strategy..", "..sync.routing..", "..sync.admin..");

	@ArchTest
	static final ArchRule strategiesKnowNoRouterOrEndpoint = noClasses().that()
		.resideInAPackage("..sync.strategy..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..sync.routing..", "..sync.admin..");

	@ArchTest
	static final ArchRule slicesAreFreeOfCycles = slices().matching("io.pulsehub.sync.(*)..").should().beFreeOfCycles();

}
