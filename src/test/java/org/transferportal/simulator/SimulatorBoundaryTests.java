package org.transferportal.simulator;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import org.transferportal.support.ImportedClasses;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The simulator is reached only over HTTP: it imports nothing from the portal and the
 * portal imports nothing from it.
 */
class SimulatorBoundaryTests {

	private final JavaClasses classes = ImportedClasses.main();

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
