package org.transferportal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import org.transferportal.support.ImportedClasses;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The two test lanes stay apart: {@code ./mvnw test} runs the {@code *Tests} alone and
 * must stay fast, so a test that starts the whole portal, a PostgreSQL or a browser is an
 * {@code *IntegrationTests}, which {@code ./mvnw verify} adds.
 */
class TestLanesTests {

	/** What makes a test slow: starting one of these. */
	private static final Set<String> SLOW_STARTS = Set.of("org.springframework.boot.SpringApplication",
			"org.springframework.boot.builder.SpringApplicationBuilder",
			"io.zonky.test.db.postgres.embedded.EmbeddedPostgres", "org.transferportal.support.SharedPostgres",
			"org.transferportal.support.PortalInstance", "org.transferportal.support.GlobusSimulatorInstance",
			"org.openqa.selenium.WebDriver", "org.transferportal.browser.Browser");

	private static final String SPRING_BOOT_TEST = "org.springframework.boot.test.context.SpringBootTest";

	@Test
	void onlyIntegrationTestsStartThePortalAPostgresqlOrABrowser() {
		classes().that(partOfAUnitTest()).should(startNothingSlow()).check(ImportedClasses.tests());
	}

	/** A unit or slice test class, or a class nested in one (lambdas included). */
	private static DescribedPredicate<JavaClass> partOfAUnitTest() {
		return DescribedPredicate.describe("are part of a *Tests that is not an *IntegrationTests", (type) -> {
			String name = topLevel(type).getSimpleName();
			return name.endsWith("Tests") && !name.endsWith("IntegrationTests");
		});
	}

	private static ArchCondition<JavaClass> startNothingSlow() {
		return new ArchCondition<>("start no whole portal, PostgreSQL or browser") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				String test = topLevel(type).getName();
				for (JavaClass owner : withPortalSuperclasses(type)) {
					if (owner.isAnnotatedWith(SPRING_BOOT_TEST) || owner.isMetaAnnotatedWith(SPRING_BOOT_TEST)) {
						events.add(SimpleConditionEvent.violated(type, test + " is a @SpringBootTest ("
								+ owner.getSimpleName() + "): name it *IntegrationTests"));
					}
					owner.getDirectDependenciesFromSelf()
						.stream()
						.filter((dependency) -> SLOW_STARTS.contains(dependency.getTargetClass().getName()))
						.forEach((dependency) -> events.add(SimpleConditionEvent.violated(type,
								test + " starts " + dependency.getTargetClass().getSimpleName()
										+ ": name it *IntegrationTests (" + dependency.getDescription() + ")")));
				}
			}

		};
	}

	private static JavaClass topLevel(JavaClass type) {
		JavaClass top = type;
		while (top.getEnclosingClass().isPresent()) {
			top = top.getEnclosingClass().get();
		}
		return top;
	}

	/** The class and the portal's own base classes it extends (such as a test base). */
	private static List<JavaClass> withPortalSuperclasses(JavaClass type) {
		List<JavaClass> types = new ArrayList<>();
		types.add(type);
		type.getAllRawSuperclasses()
			.stream()
			.filter((superclass) -> superclass.getPackageName().startsWith("org.transferportal"))
			.forEach(types::add);
		return types;
	}

}
