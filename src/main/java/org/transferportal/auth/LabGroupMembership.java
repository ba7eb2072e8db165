package org.transferportal.auth;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.StringUtils;

import org.transferportal.globus.GlobusException;
import org.transferportal.globus.GlobusScopes;
import org.transferportal.globus.Group;

/**
 * At login, when the lab names a Globus group and no other rule (allowed domain, admin)
 * already admits the user: asks Globus Groups for the user's groups with the Groups token
 * of that login, and marks the login as a group member ({@link LabGate#groupAuthority})
 * if one of the user's identities is an active member. The gate then reads that mark;
 * Groups is not asked again until the next login.
 *
 * <p>
 * If Groups cannot answer (an error after retries, a timeout, no Groups token in the
 * answer), the login fails closed with {@value #UNAVAILABLE}: nobody gets in on a
 * membership the portal could not check, and nobody is told they are outside the lab when
 * that is not known. Users whom the other rules admit never depend on Groups.
 */
final class LabGroupMembership implements OAuth2UserService<OidcUserRequest, OidcUser> {

	/** The login error when the group could not be checked. */
	static final String UNAVAILABLE = "lab_membership_unavailable";

	private static final Log logger = LogFactory.getLog(LabGroupMembership.class);

	private final OAuth2UserService<OidcUserRequest, OidcUser> delegate;

	private final Function<String, List<Group>> myGroups;

	private final UUID group;

	private final Predicate<OidcUser> admittedOtherwise;

	/**
	 * @param delegate loads the user (ID token and userinfo)
	 * @param myGroups Globus Groups' {@code my_groups} for a Groups token
	 * @param group the lab's group, or {@code null} for no group rule
	 * @param admittedOtherwise whether the lab admits a user without the group (allowed
	 * domain, admin)
	 */
	LabGroupMembership(OAuth2UserService<OidcUserRequest, OidcUser> delegate, Function<String, List<Group>> myGroups,
			UUID group, Predicate<OidcUser> admittedOtherwise) {
		this.delegate = delegate;
		this.myGroups = myGroups;
		this.group = group;
		this.admittedOtherwise = admittedOtherwise;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = this.delegate.loadUser(request);
		if (this.group == null || this.admittedOtherwise.test(user)) {
			return user;
		}
		String token = groupsToken(request);
		if (token == null) {
			logger.warn("Globus issued no " + GlobusScopes.GROUPS_RESOURCE_SERVER
					+ " token at login; the lab's group cannot be checked");
			throw unavailable();
		}
		List<Group> groups;
		try {
			groups = this.myGroups.apply(token);
		}
		catch (GlobusException ex) {
			logger.warn("Could not check the lab's group at login: Globus Groups answered " + ex.status() + " "
					+ ex.code() + ((ex.requestId() != null) ? " (request " + ex.requestId() + ")" : ""));
			throw unavailable();
		}
		boolean member = groups.stream().anyMatch((g) -> this.group.equals(g.id()) && g.hasActiveMembership());
		if (!member) {
			return user;
		}
		Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
		authorities.add(new SimpleGrantedAuthority(LabGate.groupAuthority(this.group)));
		String nameAttribute = request.getClientRegistration()
			.getProviderDetails()
			.getUserInfoEndpoint()
			.getUserNameAttributeName();
		return StringUtils.hasText(nameAttribute)
				? new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameAttribute)
				: new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo());
	}

	/**
	 * The Groups token of the login, picked by resource server (or, for a token that does
	 * not name one, by its scope): normally in {@code other_tokens}, since the Auth token
	 * comes first when {@code openid} is asked.
	 */
	private static String groupsToken(OidcUserRequest request) {
		return TokenAnswer.of(request.getAccessToken(), null, request.getAdditionalParameters(), Clock.systemUTC())
			.forResourceServer(GlobusScopes.GROUPS_RESOURCE_SERVER)
			.map(TokenAnswer.Token::accessToken)
			.orElse(null);
	}

	private static OAuth2AuthenticationException unavailable() {
		return new OAuth2AuthenticationException(
				new OAuth2Error(UNAVAILABLE, "The lab's Globus group could not be checked", null));
	}

}
