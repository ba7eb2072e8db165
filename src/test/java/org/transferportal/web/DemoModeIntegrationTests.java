package org.transferportal.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.transferportal.TransferPortalApplication;
import org.transferportal.support.DemoTestSupport;
import org.transferportal.support.DemoUserAgent;
import org.transferportal.support.PortalInstance;
import org.transferportal.support.SharedPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The demo switch as an operator meets it, by starting the portal: the plain default runs
 * the demo; a PostgreSQL database without credentials refuses to start unless
 * {@code PORTAL_DEMO=true} asks for the demo, which then keeps the configured admins.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoModeIntegrationTests extends DemoTestSupport {

	private static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniRq83vEjRWeJA=";

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void withNeitherCredentialsNorADatabaseThePortalRunsTheDemoOnItsOwnPort() throws Exception {
		HttpResponse<String> login = get(base() + "/oauth2/authorization/globus");
		assertThat(login.headers().firstValue("Location").orElseThrow())
			.startsWith(base() + "/simulator/auth/v2/oauth2/authorize?");
		HttpResponse<String> discovery = get(base() + "/simulator/auth/.well-known/openid-configuration");
		assertThat(discovery.statusCode()).isEqualTo(200);
		assertThat(discovery.body()).contains("\"issuer\":\"" + base() + "/simulator/auth\"");
		assertThat(get(base() + "/").body()).contains("class=\"demo-banner\"");
	}

	@Test
	void aPostgresqlDatabaseWithoutCredentialsRefusesToStartAndSaysWhatToDo(CapturedOutput output) {
		SpringApplicationBuilder portal = new SpringApplicationBuilder(TransferPortalApplication.class);

		assertThatIllegalStateException()
			.isThrownBy(() -> portal.run("--server.port=0",
					"--spring.datasource.url=jdbc:postgresql://db.internal:5432/portal"))
			.withMessageContaining("GLOBUS_CLIENT_ID")
			.withMessageContaining("PORTAL_DEMO=true");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Set GLOBUS_CLIENT_ID and GLOBUS_CLIENT_SECRET to use Globus, or set PORTAL_DEMO=true");
	}

	@Test
	void portalDemoTrueRunsTheDemoOnPostgresqlAndKeepsTheConfiguredAdmins() throws Exception {
		try (PortalInstance demo = PortalInstance.startWith(SharedPostgres.newDatabase(), KEY,
				Map.of("portal.demo", "true", "portal.lab.admins", "carol@example.edu"))) {
			String base = "http://localhost:" + demo.port();
			assertThat(get(base + "/oauth2/authorization/globus").headers().firstValue("Location").orElseThrow())
				.startsWith(base + "/simulator/auth/");

			// Logged in at the simulated Globus, Carol is the admin and Alice is not.
			assertThat(new DemoUserAgent(base, "carol@example.edu").open("/lab/admin").status()).isEqualTo(200);
			DemoUserAgent alice = new DemoUserAgent(base, "alice@globusid.org");
			assertThat(alice.open("/lab/admin").status()).isEqualTo(403);
			// The demo's own lab was not added either.
			assertThat(alice.open("/").body()).contains("class=\"demo-banner\"").doesNotContain("Demo Lab");
		}
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
