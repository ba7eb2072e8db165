package org.transferportal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering of the design: only {@code globus} speaks HTTP to Globus, and only
 * {@code auth} (and the client it feeds) touches tokens.
 */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.transferportal");

	@Test
	void onlyTheGlobusPackageHoldsHttpClients() {
		noClasses().that()
			.resideInAPackage("org.transferportal..")
			.and()
			.resideOutsideOfPackages("org.transferportal.globus..", "org.transferportal.simulator..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.web.reactive.function.client.WebClient")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.web.client.RestClient")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.web.client.RestTemplate")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("java.net.http.HttpClient")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("java.net.HttpURLConnection")
			.check(this.classes);
	}

	@Test
	void onlyAuthReadsTokens() {
		noClasses().that()
			.resideInAPackage("org.transferportal..")
			.and()
			.resideOutsideOfPackages("org.transferportal.auth..", "org.transferportal.globus..",
					"org.transferportal.simulator..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.transferportal.globus.AccessTokenProvider")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.transferportal.globus.TokenResponse")
			.orShould()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.security.oauth2.core..")
			.check(this.classes);
	}

}
