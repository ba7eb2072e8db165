package org.transferportal.auth;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.util.StringUtils;

import org.transferportal.globus.GlobusClients;
import org.transferportal.globus.GlobusProperties;
import org.transferportal.globus.GlobusScopes;
import org.transferportal.lab.LabAccess;
import org.transferportal.lab.LabProperties;

/**
 * How login with Globus differs from a stock OIDC provider: a registration built in code,
 * RS512 ID tokens without a key id, tokens kept by the portal rather than by Spring, the
 * whole token answer (with {@code other_tokens}) kept for the login handlers, and the
 * authorization requests of consent round trips. Spring Security picks each bean up for
 * {@code oauth2Login()}.
 */
@Configuration(proxyBeanMethods = false)
class GlobusLoginConfiguration {

	static final String REGISTRATION_ID = "globus";

	/** The issuer of Globus Auth's ID tokens. */
	static final String GLOBUS_ISSUER = "https://auth.globus.org";

	/** How far the portal's clock and Globus's may disagree about an ID token's times. */
	static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	/**
	 * The portal's registration at Globus Auth. PKCE is on, even for a confidential
	 * client, as RFC 9700 (section 2.1.1) recommends; {@code portal.auth.pkce=false}
	 * turns it off for a Globus deployment that refuses it.
	 */
	@Bean
	ClientRegistrationRepository clientRegistrations(GlobusProperties globus, AuthProperties properties) {
		String auth = globus.authBaseUrl();
		// Spring checks each scope against RFC 6749's characters, which forbid the spaces
		// of dependent scopes: the full scope strings are set on each authorization
		// request instead (GlobusAuthorizationRequests).
		Set<String> scopes = new LinkedHashSet<>(GlobusScopes.LOGIN);
		scopes.add(GlobusScopes.TRANSFER);
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientName("Globus")
			.clientId(globus.clientId())
			.clientSecret(globus.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope(scopes)
			.authorizationUri(auth + "/v2/oauth2/authorize")
			.tokenUri(auth + "/v2/oauth2/token")
			.userInfoUri(auth + "/v2/oauth2/userinfo")
			.userNameAttributeName("sub")
			.jwkSetUri(auth + "/jwk.json")
			.issuerUri(auth)
			.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(properties.pkce()).build())
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	/** Globus signs ID tokens with RS512; Spring assumes RS256 unless told. */
	@Bean
	JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(GlobusProperties globus, AuthProperties auth) {
		OidcIdTokenDecoderFactory factory = new OidcIdTokenDecoderFactory();
		factory.setJwsAlgorithmResolver((registration) -> SignatureAlgorithm.RS512);
		String issuer = StringUtils.hasText(auth.issuer()) ? auth.issuer() : globus.authBaseUrl();
		factory.setJwtValidatorFactory((registration) -> idTokenValidator(registration, issuer));
		return factory;
	}

	/**
	 * Spring's own ID-token checks (audience, the {@code azp} rules, expiry, and
	 * {@code iat} not in the future, each with {@link #CLOCK_SKEW}), with the issuer
	 * checked by the portal's rule instead of against the registration alone.
	 */
	static OAuth2TokenValidator<Jwt> idTokenValidator(ClientRegistration registration, String issuer) {
		ClientRegistration anyIssuer = ClientRegistration.withClientRegistration(registration).issuerUri(null).build();
		OidcIdTokenValidator spring = new OidcIdTokenValidator(anyIssuer);
		spring.setClockSkew(CLOCK_SKEW);
		return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(CLOCK_SKEW), spring,
				(jwt) -> issuer(jwt, issuer));
	}

	/**
	 * The configured Auth URL (ignoring a trailing slash), or Globus's canonical issuer
	 * when a proxy or a Globus-shaped server sits at another address: with one identity
	 * provider there is no mix-up to guard against beyond this.
	 */
	private static OAuth2TokenValidatorResult issuer(Jwt jwt, String issuer) {
		String iss = jwt.getClaimAsString("iss");
		if (iss != null && (stripSlash(iss).equals(stripSlash(issuer)) || GLOBUS_ISSUER.equals(stripSlash(iss)))) {
			return OAuth2TokenValidatorResult.success();
		}
		return OAuth2TokenValidatorResult
			.failure(new OAuth2Error("invalid_id_token", "The ID token was not issued by " + issuer, null));
	}

	private static String stripSlash(String value) {
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

	/** Every authorization request to Globus Auth, consent round trips included. */
	@Bean
	GlobusAuthorizationRequests globusAuthorizationRequests(PendingActions pendingActions, UserTokens tokens,
			LabProperties lab) {
		return new GlobusAuthorizationRequests(pendingActions, tokens, lab.dataAccessCollections(),
				lab.extraLoginScopes());
	}

	@Bean
	OAuth2AuthorizationRequestResolver authorizationRequestResolver(GlobusAuthorizationRequests requests,
			ClientRegistrationRepository registrations) {
		return requests.resolver(registrations);
	}

	/**
	 * The code exchange, keeping the whole answer on the request: Spring keeps only the
	 * top-level token, and Globus puts the Transfer token in {@code other_tokens}.
	 */
	@Bean
	OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeTokenResponseClient(
			GlobusClients clients) {
		OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> delegate = clients
			.authorizationCodeClient();
		return (grantRequest) -> {
			var response = delegate.getTokenResponse(grantRequest);
			LoginRequestAttributes.tokenResponse(response);
			return response;
		};
	}

	/** Loads the user, and checks the lab's Globus group when the lab names one. */
	@Bean
	OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(GlobusClients clients, LabAccess access) {
		return new LabGroupMembership(new OidcUserService(), clients.groups()::myGroups, access.group(),
				(user) -> access.admits(LabGate.usernames(user), false));
	}

	@Bean
	OAuth2AuthorizedClientRepository authorizedClients() {
		return new NoAuthorizedClients();
	}

	/**
	 * The portal keeps tokens itself ({@link UserTokenStore}), all of them and encrypted;
	 * Spring's authorized-client store would keep only one, in memory.
	 */
	static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

	}

}
