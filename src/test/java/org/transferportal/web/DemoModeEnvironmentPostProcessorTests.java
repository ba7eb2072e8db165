package org.transferportal.web;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The demo switch: when the embedded simulator runs, when it is forced off, and when the
 * portal refuses to start because the settings do not say clearly which is meant.
 */
class DemoModeEnvironmentPostProcessorTests {

	static final String POSTGRESQL = "jdbc:postgresql://db.internal:5432/portal?user=portal&password=hunter2";

	private final DemoModeEnvironmentPostProcessor processor = new DemoModeEnvironmentPostProcessor();

	private MockEnvironment process(MockEnvironment environment) {
		this.processor.postProcessEnvironment(environment, null);
		return environment;
	}

	private static List<String> admins(MockEnvironment environment) {
		return Binder.get(environment).bind("portal.lab.admins", Bindable.listOf(String.class)).orElse(List.of());
	}

	@Test
	void theEmbeddedDefaultWithoutCredentialsRunsTheDemoOnTheSimulator() {
		MockEnvironment environment = process(
				new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:portal-1;MODE=PostgreSQL"));

		assertThat(environment.getProperty("simulator.enabled")).isEqualTo("true");
		assertThat(environment.getProperty("portal.demo")).isEqualTo("true");
		assertThat(environment.getProperty("globus.auth-url")).isEqualTo("http://localhost:8080/simulator/auth");
		assertThat(environment.getProperty("globus.transfer-url"))
			.isEqualTo("http://localhost:8080/simulator/transfer");
		assertThat(environment.getProperty("globus.client-secret"))
			.isEqualTo(environment.getProperty("simulator.client-secret"));
		assertThat(admins(environment)).containsExactly("alice@globusid.org");
		assertThat(environment.getProperty("portal.lab.collections[0].id")).isNotBlank();
	}

	@Test
	void noDatasourceUrlAtAllIsTheEmbeddedDefaultToo() {
		assertThat(process(new MockEnvironment()).getProperty("simulator.enabled")).isEqualTo("true");
	}

	@Test
	void theDemoSecretIsShapedLikeAGlobusClientSecret() {
		String secret = process(new MockEnvironment()).getProperty("globus.client-secret");

		// Globus secrets are base64 of 32 bytes, so they carry '/', '=' (and '+').
		assertThat(Base64.getDecoder().decode(secret)).hasSize(32);
		assertThat(secret).contains("/").endsWith("=");
	}

	@Test
	void credentialsTurnTheSimulatorOffWhateverElseSaysSo() {
		MockEnvironment environment = process(new MockEnvironment().withProperty("globus.client-id", "real-app")
			.withProperty("simulator.enabled", "true")
			.withProperty("globus.auth-url", "https://auth.globus.org")
			.withProperty("spring.datasource.url", POSTGRESQL));

		assertThat(environment.getProperty("simulator.enabled")).isEqualTo("false");
		assertThat(environment.getProperty("portal.demo")).isEqualTo("false");
		assertThat(environment.getProperty("globus.auth-url")).isEqualTo("https://auth.globus.org");
		assertThat(environment.getProperty("portal.lab.collections[0].id")).isNull();
	}

	@Test
	void aPostgresqlDatabaseWithoutCredentialsRefusesToStartAndNamesBothWaysOut() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", POSTGRESQL);

		assertThatExceptionOfType(DemoModeException.class).isThrownBy(() -> process(environment))
			.withMessageContaining("GLOBUS_CLIENT_ID")
			.withMessageContaining("PORTAL_DEMO=true")
			.withMessageContaining("jdbc:postgresql:")
			// The URL's host and credentials stay out of the logs.
			.withMessageNotContaining("db.internal")
			.withMessageNotContaining("hunter2");
	}

	@Test
	void aFileBackedH2DatabaseIsNotTheEmbeddedDefault() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url",
				"jdbc:h2:file:/var/lib/portal/db");

		assertThatExceptionOfType(DemoModeException.class).isThrownBy(() -> process(environment))
			.withMessageContaining("PORTAL_DEMO");
	}

	@Test
	void portalDemoTrueRunsTheDemoOnPostgresql() {
		MockEnvironment environment = process(new MockEnvironment().withProperty("portal.demo", "true")
			.withProperty("spring.datasource.url", POSTGRESQL));

		assertThat(environment.getProperty("simulator.enabled")).isEqualTo("true");
		assertThat(environment.getProperty("portal.demo")).isEqualTo("true");
	}

	@Test
	void portalDemoTrueWithCredentialsRefusesToStart() {
		MockEnvironment environment = new MockEnvironment().withProperty("portal.demo", "true")
			.withProperty("globus.client-id", "real-app");

		assertThatExceptionOfType(DemoModeException.class).isThrownBy(() -> process(environment))
			.withMessageContaining("PORTAL_DEMO=true")
			.withMessageContaining("GLOBUS_CLIENT_ID is set");
	}

	@Test
	void portalDemoFalseWithoutCredentialsRefusesToStart() {
		MockEnvironment environment = new MockEnvironment().withProperty("portal.demo", "false");

		assertThatExceptionOfType(DemoModeException.class).isThrownBy(() -> process(environment))
			.withMessageContaining("PORTAL_DEMO=false")
			.withMessageContaining("GLOBUS_CLIENT_ID is not set");
	}

	@Test
	void portalDemoFalseWithCredentialsIsTheRealGlobus() {
		MockEnvironment environment = process(new MockEnvironment().withProperty("portal.demo", "false")
			.withProperty("globus.client-id", "real-app"));

		assertThat(environment.getProperty("simulator.enabled")).isEqualTo("false");
	}

	@Test
	void aPortalDemoValueOtherThanTrueOrFalseRefusesToStart() {
		MockEnvironment environment = new MockEnvironment().withProperty("portal.demo", "yes please");

		assertThatExceptionOfType(DemoModeException.class).isThrownBy(() -> process(environment))
			.withMessageContaining("\"yes please\"")
			.withMessageContaining("true or false");
	}

	@Test
	void configuredAdminsAreKeptInEverySpellingAndNoDemoLabIsAdded() {
		List<MockEnvironment> spellings = List.of(
				new MockEnvironment().withProperty("portal.lab.admins", "bob@uchicago.edu"),
				new MockEnvironment().withProperty("portal.lab.admins[0]", "bob@uchicago.edu"),
				withVariables(new MockEnvironment(), Map.of("PORTAL_LAB_ADMINS", "bob@uchicago.edu")));
		for (MockEnvironment environment : spellings) {
			process(environment);

			assertThat(admins(environment)).containsExactly("bob@uchicago.edu");
			assertThat(environment.getProperty("portal.lab.collections[0].id")).isNull();
			assertThat(environment.getProperty("simulator.enabled")).isEqualTo("true");
		}
	}

	@Test
	void configuredCollectionsAreKeptAndAliceIsNotMadeAnAdmin() {
		MockEnvironment environment = process(withVariables(new MockEnvironment(),
				Map.of("PORTAL_LAB_COLLECTIONS_0_ID", "aa752cea-8222-5bc8-acd9-555b090c0ccb")));

		assertThat(admins(environment)).isEmpty();
		assertThat(Binder.get(environment)
			.bind("portal.lab.collections", Bindable.listOf(LabCollection.class))
			.orElse(List.of())).containsExactly(new LabCollection("aa752cea-8222-5bc8-acd9-555b090c0ccb"));
	}

	@Test
	void anEmptyAdminListIsNoAdminListAndAConfiguredLabNameIsKept() {
		MockEnvironment environment = process(
				withVariables(new MockEnvironment(), Map.of("PORTAL_LAB_ADMINS", "", "PORTAL_LAB_NAME", "Our demo")));

		assertThat(admins(environment)).containsExactly("alice@globusid.org");
		assertThat(environment.getProperty("portal.lab.name")).isEqualTo("Our demo");
	}

	@Test
	void anyFreePortIsChosenBeforeTheServerStartsSoTheSimulatorUrlsNameIt() {
		MockEnvironment environment = process(new MockEnvironment().withProperty("server.port", "0"));

		int port = Integer.parseInt(environment.getProperty("server.port"));
		assertThat(port).isPositive();
		assertThat(environment.getProperty("globus.auth-url"))
			.isEqualTo("http://localhost:" + port + "/simulator/auth");
	}

	@Test
	void aRefusalIsReportedAsWhatIsWrongAndWhatToDo() {
		DemoModeException refusal = new DemoModeException("What is wrong.", "What to do.");

		FailureAnalysis analysis = new DemoModeFailureAnalyzer().analyze(new IllegalStateException(refusal));

		assertThat(analysis.getDescription()).isEqualTo("What is wrong.");
		assertThat(analysis.getAction()).isEqualTo("What to do.");
	}

	/** The part of a lab collection these tests look at. */
	record LabCollection(String id) {
	}

	/** Adds operating-system environment variables, spelled as an operator sets them. */
	private static MockEnvironment withVariables(MockEnvironment environment, Map<String, Object> variables) {
		environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					variables));
		return environment;
	}

}
