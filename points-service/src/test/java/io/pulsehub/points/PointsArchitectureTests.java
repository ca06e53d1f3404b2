package io.pulsehub.points;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The feature packages form no cycle; the write side uses the outbox and risk control,
 * the read side only the data source routing, and nothing reaches into the write side.
 */
@AnalyzeClasses(packages = "io.pulsehub.points", importOptions = ImportOption.DoNotIncludeTests.class)
class PointsArchitectureTests {

	@ArchTest
	static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("io.pulsehub.points.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule nothingDependsOnTheWriteSide = noClasses().that()
		.resideOutsideOfPackage("io.pulsehub.points.ledger..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.pulsehub.points.ledger..");

	@ArchTest
	static final ArchRule readSideDoesNotTouchWriteSideOrOutbox = noClasses().that()
		.resideInAnyPackage("io.pulsehub.points.query..", "io.pulsehub.points.projection..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.pulsehub.points.outbox..", "io.pulsehub.points.risk..");

	@ArchTest
	static final ArchRule infrastructurePackagesStayBelowTheFeatures = noClasses().that()
		.resideInAnyPackage("io.pulsehub.points.outbox..", "io.pulsehub.points.datasource..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.pulsehub.points.ledger..", "io.pulsehub.points.risk..", "io.pulsehub.points.query..",
				"io.pulsehub.points.projection..");

}
