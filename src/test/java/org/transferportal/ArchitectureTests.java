package org.transferportal;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import org.transferportal.support.ImportedClasses;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of the design: the feature packages stand on floors and only look down,
 * with no cycle; only {@code globus} speaks HTTP to Globus (and
 * {@code notifications.WebhookPoster} to the lab's webhook receiver), and only
 * {@code auth} (and the client it feeds) touches tokens.
 */
class ArchitectureTests {

	private final JavaClasses classes = ImportedClasses.main();

	@Test
	void onlyTheGlobusPackageHoldsHttpClients() {
		noClasses().that()
			.resideInAPackage("org.transferportal..")
			.and()
			.resideOutsideOfPackages("org.transferportal.globus..", "org.transferportal.simulator..")
			// The lab webhook's poster calls the lab's own receiver, not Globus.
			.and()
			.doNotHaveFullyQualifiedName("org.transferportal.notifications.WebhookPoster")
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

	/**
	 * Each package imports only packages on the floors below it (design.md). A new
	 * feature package must be given its floor here.
	 */
	@Test
	void packagesOnlyLookDown() {
		// @formatter:off
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.ensureAllClassesAreContainedInArchitecture()
			.layer("application").definedBy("org.transferportal")
			.layer("globus").definedBy("org.transferportal.globus..")
			.layer("support").definedBy("org.transferportal.support..")
			.layer("lab").definedBy("org.transferportal.lab..")
			.layer("auth").definedBy("org.transferportal.auth..")
			.layer("collections").definedBy("org.transferportal.collections..")
			.layer("tasks").definedBy("org.transferportal.tasks..")
			.layer("transfer").definedBy("org.transferportal.transfer..")
			.layer("browse").definedBy("org.transferportal.browse..")
			.layer("https").definedBy("org.transferportal.https..")
			.layer("web").definedBy("org.transferportal.web..")
			.layer("audit").definedBy("org.transferportal.audit..")
			.layer("presets").definedBy("org.transferportal.presets..")
			.layer("notifications").definedBy("org.transferportal.notifications..")
			.layer("recovery").definedBy("org.transferportal.recovery..")
			.layer("deletes").definedBy("org.transferportal.deletes..")
			.layer("schedules").definedBy("org.transferportal.schedules..")
			.layer("simulator").definedBy("org.transferportal.simulator..")
			.whereLayer("globus").mayNotAccessAnyLayer()
			.whereLayer("support").mayNotAccessAnyLayer()
			.whereLayer("lab").mayOnlyAccessLayers("globus")
			.whereLayer("auth").mayOnlyAccessLayers("globus", "support", "lab")
			.whereLayer("collections").mayOnlyAccessLayers("globus", "support", "lab", "auth")
			.whereLayer("tasks").mayOnlyAccessLayers("globus", "support", "auth")
			.whereLayer("transfer").mayOnlyAccessLayers("globus", "support", "auth", "collections", "tasks")
			.whereLayer("browse").mayOnlyAccessLayers("globus", "support", "lab", "auth", "collections")
			.whereLayer("https").mayOnlyAccessLayers("globus", "support", "lab", "auth", "collections")
			.whereLayer("web").mayOnlyAccessLayers("globus", "support", "lab", "auth")
			.whereLayer("audit").mayOnlyAccessLayers("globus", "support", "lab", "auth", "collections", "tasks", "transfer", "https", "web")
			.whereLayer("presets").mayOnlyAccessLayers("globus", "support", "lab", "auth", "collections", "transfer", "web")
			.whereLayer("notifications").mayOnlyAccessLayers("globus", "support", "lab", "auth", "collections", "tasks",
					"transfer", "audit")
			.whereLayer("recovery").mayOnlyAccessLayers("globus", "support", "lab", "auth", "tasks", "transfer")
			.whereLayer("deletes").mayOnlyAccessLayers("globus", "support", "lab", "auth", "collections")
			.whereLayer("schedules").mayOnlyAccessLayers("globus", "support", "lab", "auth", "collections", "tasks",
					"transfer")
			.whereLayer("simulator").mayNotAccessAnyLayer()
			.whereLayer("simulator").mayNotBeAccessedByAnyLayer()
			.check(this.classes);
		// @formatter:on
	}

	@Test
	void featurePackagesFormNoCycle() {
		slices().matching("org.transferportal.(*)..").should().beFreeOfCycles().check(this.classes);
	}

}
