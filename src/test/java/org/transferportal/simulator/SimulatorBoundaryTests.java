package org.transferportal.simulator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The simulator is reached only over HTTP: it imports nothing from the portal and the
 * portal imports nothing from it.
 */
class SimulatorBoundaryTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.transferportal");

	@Test
	void simulatorImportsNothingFromThePortal() {
		noClasses().that()
			.resideInAPackage("org.transferportal.simulator..")
			.should()
			.dependOnClassesThat()
			.resideOutsideOfPackages("org.transferportal.simulator..", "java..", "javax..", "jakarta..",
					"org.springframework..", "tools.jackson..", "com.fasterxml.jackson..", "com.nimbusds..",
					"org.slf4j..")
			.check(this.classes);
	}

	@Test
	void portalImportsNothingFromTheSimulator() {
		noClasses().that()
			.resideOutsideOfPackage("org.transferportal.simulator..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.transferportal.simulator..")
			.allowEmptyShould(true)
			.check(this.classes);
	}

}
