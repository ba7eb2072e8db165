package org.transferportal.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.util.unit.DataSize;

import org.transferportal.globus.GlobusProperties;
import org.transferportal.lab.LabProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link GlobusAuthorizationRequests}: PKCE, on unless turned off, and the
 * scopes that lab settings add.
 */
class GlobusAuthorizationRequestsTests {

	private static final String TRANSFER = "urn:globus:auth:scope:transfer.api.globus.org:all";

	@Test
	void authorizationRequestsCarryAPkceChallengeByDefault() {
		OAuth2AuthorizationRequest request = authorizationRequest(true);

		assertThat(request.getAdditionalParameters()).containsEntry("code_challenge_method", "S256")
			.containsKey("code_challenge")
			.containsEntry("access_type", "offline");
		assertThat(request.<String>getAttribute(PkceParameterNames.CODE_VERIFIER)).isNotBlank();
	}

	@Test
	void pkceCanBeTurnedOffForAGlobusThatRefusesIt() {
		OAuth2AuthorizationRequest request = authorizationRequest(false);

		assertThat(request.getAdditionalParameters()).doesNotContainKeys("code_challenge", "code_challenge_method")
			.containsEntry("access_type", "offline");
		assertThat(request.getAttributes()).doesNotContainKey(PkceParameterNames.CODE_VERIFIER);
		assertThat(request.getAuthorizationRequestUri()).doesNotContain("code_challenge");
	}

	@Test
	void theSwitchIsTheEnvironmentVariablePortalAuthPkce() {
		MockEnvironment environment = new MockEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("env", Map.of("PORTAL_AUTH_PKCE", "false")));

		assertThat(Binder.get(environment).bindOrCreate("portal.auth", AuthProperties.class).pkce()).isFalse();
		assertThat(Binder.get(new MockEnvironment()).bindOrCreate("portal.auth", AuthProperties.class).pkce()).isTrue();
	}

	/** The request the portal's resolver makes for its own Globus registration. */
	private static OAuth2AuthorizationRequest authorizationRequest(boolean pkce) {
		GlobusProperties globus = new GlobusProperties("portal", "c2VjcmV0K3dpdGgvc2xhc2g9", "https://auth.globus.org",
				"https://transfer.api.globus.org", "https://groups.api.globus.org", Duration.ofSeconds(60), 3,
				Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(15), 1, DataSize.ofMegabytes(16));
		ClientRegistrationRepository registrations = new GlobusLoginConfiguration().clientRegistrations(globus,
				new AuthProperties(null, null, null, null, pkce, null));
		OAuth2AuthorizationRequestResolver resolver = new GlobusAuthorizationRequests(null, null, List.of(), List.of())
			.resolver(registrations);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorization/globus");
		request.setServletPath("/oauth2/authorization/globus");
		return resolver.resolve(request);
	}

	@Test
	void aLabThatMatchesLinkedIdentitiesAsksGlobusForThem() {
		LabProperties lab = new LabProperties("Lab", List.of(), List.of("uchicago.edu"), List.of(), true, null, true,
				true);
		Set<String> scopes = new GlobusAuthorizationRequests(null, null, List.of(), lab.extraLoginScopes())
			.scopes(Set.of(), List.of());
		assertThat(scopes).containsExactlyInAnyOrder("openid", "profile", "email", LabProperties.VIEW_IDENTITY_SET,
				TRANSFER);
	}

	@Test
	void otherwiseTheLoginScopesAreUnchanged() {
		LabProperties lab = new LabProperties("Lab", List.of(), List.of("uchicago.edu"), List.of(), false, null, true,
				true);
		Set<String> scopes = new GlobusAuthorizationRequests(null, null, List.of(), lab.extraLoginScopes())
			.scopes(Set.of(), List.of());
		assertThat(scopes).containsExactlyInAnyOrder("openid", "profile", "email", TRANSFER);
	}

	@Test
	void aLabThatAdmitsAGroupAsksForGlobusGroupsReadScope() {
		LabProperties lab = new LabProperties("Lab", List.of(), List.of(), List.of(), false,
				UUID.fromString("6c1bd5a2-94f3-4f0e-9b7d-2a8f3e1c5d70"), true, true);
		Set<String> scopes = new GlobusAuthorizationRequests(null, null, List.of(), lab.extraLoginScopes())
			.scopes(Set.of(), List.of("urn:globus:auth:scope:transfer.api.globus.org:all[*https://auth.globus.org"
					+ "/scopes/1405823f-0597-4a16-b296-46d4f0ae4b15/data_access]"));
		assertThat(scopes)
			.contains("openid", "profile", "email",
					"urn:globus:auth:scope:groups.api.globus.org:view_my_groups_and_memberships")
			.hasSize(5);
	}

}
