package org.transferportal.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.GlobusException;
import org.transferportal.globus.GlobusUnauthorizedException;
import org.transferportal.globus.Group;
import org.transferportal.globus.GroupMembership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link LabGroupMembership}: the Groups token picked by resource server, the
 * membership rule, and failing closed when Groups cannot tell.
 */
class LabGroupMembershipTests {

	private static final UUID LAB = UUID.fromString("6c1bd5a2-94f3-4f0e-9b7d-2a8f3e1c5d70");

	private static final UUID OTHER = UUID.fromString("f2b8d4e6-13a5-4c79-9e0b-5d6c7a8b9f10");

	private final List<String> tokensAsked = new ArrayList<>();

	private static Group group(UUID id, String... statuses) {
		List<GroupMembership> memberships = new ArrayList<>();
		for (String status : statuses) {
			memberships.add(new GroupMembership(id, UUID.randomUUID(), "someone@example.org", "member", status));
		}
		return new Group(id, "Group", null, null, "regular", memberships);
	}

	private LabGroupMembership membership(UUID group, List<Group> answer) {
		return membership(group, answer, false);
	}

	private LabGroupMembership membership(UUID group, List<Group> answer, boolean admittedOtherwise) {
		return new LabGroupMembership(LabGroupMembershipTests::user, (token) -> {
			this.tokensAsked.add(token);
			return answer;
		}, group, (user) -> admittedOtherwise);
	}

	private static OidcUser user(OidcUserRequest request) {
		return new DefaultOidcUser(List.of(new SimpleGrantedAuthority("OIDC_USER")), request.getIdToken(), "sub");
	}

	private static OidcUserRequest request(Map<String, Object> additionalParameters) {
		ClientRegistration registration = ClientRegistration.withRegistrationId("globus")
			.clientId("client")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri("https://auth.example.org/authorize")
			.tokenUri("https://auth.example.org/token")
			.userNameAttributeName("sub")
			.build();
		OidcIdToken idToken = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60),
				Map.of("sub", "ae332d86-d274-11e5-b885-b31714a110e9", "preferred_username", "eve@example.com"));
		OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "auth-token",
				Instant.now(), Instant.now().plusSeconds(60));
		return new OidcUserRequest(registration, access, idToken, additionalParameters);
	}

	private static Map<String, Object> otherTokens(boolean withGroups) {
		List<Object> others = new ArrayList<>();
		if (withGroups) {
			others.add(Map.of("access_token", "groups-token", "resource_server", "groups.api.globus.org", "scope",
					"urn:globus:auth:scope:groups.api.globus.org:view_my_groups_and_memberships"));
		}
		others.add(Map.of("access_token", "transfer-token", "resource_server", "transfer.api.globus.org"));
		return Map.of("resource_server", "auth.globus.org", "other_tokens", others);
	}

	private static List<String> authorities(OidcUser user) {
		return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
	}

	@Test
	void anActiveMemberOfTheLabsGroupIsMarkedAsSuch() {
		OidcUser user = membership(LAB, List.of(group(OTHER, "active"), group(LAB, "invited", "active")))
			.loadUser(request(otherTokens(true)));

		assertThat(this.tokensAsked).containsExactly("groups-token");
		assertThat(authorities(user)).containsExactlyInAnyOrder("OIDC_USER", LabGate.groupAuthority(LAB));
		assertThat(user.getSubject()).isEqualTo("ae332d86-d274-11e5-b885-b31714a110e9");
		assertThat(user.getName()).isEqualTo("ae332d86-d274-11e5-b885-b31714a110e9");
	}

	@Test
	void anInvitationAnotherGroupOrNoGroupAtAllIsNoMembership() {
		for (List<Group> answer : List.of(List.of(group(LAB, "invited", "pending", "left")),
				List.of(group(OTHER, "active")), List.<Group>of(),
				List.of(new Group(LAB, "Lab", null, null, "regular", null)))) {
			OidcUser user = membership(LAB, answer).loadUser(request(otherTokens(true)));
			assertThat(authorities(user)).as("%s", answer).containsExactly("OIDC_USER");
		}
	}

	@Test
	void withoutALabGroupGroupsIsNeverAsked() {
		OidcUser user = membership(null, List.of(group(LAB, "active"))).loadUser(request(otherTokens(true)));

		assertThat(this.tokensAsked).isEmpty();
		assertThat(authorities(user)).containsExactly("OIDC_USER");
	}

	@Test
	void aUserTheOtherRulesAdmitDoesNotDependOnGroups() {
		OidcUser user = membership(LAB, List.of(group(LAB, "active")), true).loadUser(request(otherTokens(false)));

		assertThat(this.tokensAsked).isEmpty();
		assertThat(authorities(user)).containsExactly("OIDC_USER");
	}

	@Test
	void aLoginWithoutAGroupsTokenFailsClosed() {
		OAuth2AuthenticationException ex = catchThrowableOfType(OAuth2AuthenticationException.class,
				() -> membership(LAB, List.of(group(LAB, "active"))).loadUser(request(otherTokens(false))));

		assertThat(ex.getError().getErrorCode()).isEqualTo(LabGroupMembership.UNAVAILABLE);
		assertThat(this.tokensAsked).isEmpty();
	}

	@Test
	void aGroupsFailureFailsClosedWhateverItIs() {
		for (GlobusException failure : List.of(
				new GlobusApiException(503, "ServiceUnavailable", "down", "req-1", "/v2/groups/my_groups"),
				new GlobusApiException(0, "Unreachable", "no answer", null, "/v2/groups/my_groups"),
				new GlobusUnauthorizedException(401, "AuthenticationFailed", "bad token", null, null))) {
			LabGroupMembership failing = new LabGroupMembership(LabGroupMembershipTests::user, (token) -> {
				throw failure;
			}, LAB, (user) -> false);
			OAuth2AuthenticationException ex = catchThrowableOfType(OAuth2AuthenticationException.class,
					() -> failing.loadUser(request(otherTokens(true))));
			assertThat(ex.getError().getErrorCode()).as(failure.code()).isEqualTo(LabGroupMembership.UNAVAILABLE);
		}
	}

	@Test
	void aGroupsTokenThatNamesNoResourceServerIsKnownByItsScope() {
		membership(LAB, List.of(group(LAB, "active"))).loadUser(request(Map.of("resource_server", "auth.globus.org",
				"other_tokens", List.of(Map.of("access_token", "unnamed-groups-token", "scope",
						"urn:globus:auth:scope:groups.api.globus.org:view_my_groups_and_memberships")))));

		assertThat(this.tokensAsked).containsExactly("unnamed-groups-token");
	}

	@Test
	void aGroupsTokenAtTheTopLevelIsUsedToo() {
		membership(LAB, List.of(group(LAB, "active")))
			.loadUser(request(Map.of("resource_server", "groups.api.globus.org")));

		assertThat(this.tokensAsked).containsExactly("auth-token");
	}

}
