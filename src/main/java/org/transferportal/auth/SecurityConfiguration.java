package org.transferportal.auth;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.util.StringUtils;

import org.transferportal.globus.GlobusClients;
import org.transferportal.globus.GlobusProperties;
import org.transferportal.globus.GlobusScopes;
import org.transferportal.lab.LabAccess;
import org.transferportal.lab.LabProperties;

/**
 * Login with Globus and the portal's web defences.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String REGISTRATION_ID = "globus";

	/** The issuer of Globus Auth's ID tokens. */
	static final String GLOBUS_ISSUER = "https://auth.globus.org";

	@Bean
	SecurityFilterChain portalSecurity(HttpSecurity http, ClientRegistrationRepository registrations,
			GlobusProperties globus, PendingActions pendingActions, UserTokens tokens, ConsentMemory memory,
			PendingActionDispatcher dispatcher, GlobusClients clients, LabProperties lab, LabAccess access,
			ConsentRoundTrip consent) throws Exception {
		GlobusAuthorizationRequests requests = new GlobusAuthorizationRequests(pendingActions, tokens,
				lab.dataAccessCollections(), lab.extraLoginScopes());
		LabGate gate = new LabGate(access);
		http.authorizeHttpRequests((authorize) -> authorize
			.requestMatchers("/css/**", "/js/**", "/images/**", "/favicon.ico", "/error", "/error/**",
					"/actuator/health", "/actuator/health/**", "/actuator/prometheus",
					LabGate.MEMBERSHIP_UNAVAILABLE_PATH)
			.permitAll()
			.requestMatchers("/")
			.access(gate.visitorsAndMembers())
			.requestMatchers(LabGate.REFUSED_PATH)
			.authenticated()
			.requestMatchers("/lab/admin", "/lab/admin/**")
			.access(gate.admins())
			.anyRequest()
			.access(gate.members()))
			.oauth2Login((login) -> login
				.authorizationEndpoint(
						(endpoint) -> endpoint.authorizationRequestResolver(requests.resolver(registrations))
							.authorizationRequestRepository(requests.repository()))
				.tokenEndpoint(
						(endpoint) -> endpoint.accessTokenResponseClient(capturing(clients.authorizationCodeClient())))
				.userInfoEndpoint((userInfo) -> userInfo
					.oidcUserService(new LabGroupMembership(new OidcUserService(), clients.groups()::myGroups,
							access.group(), (user) -> access.admits(LabGate.usernames(user), false))))
				.authorizedClientRepository(new NoAuthorizedClients())
				.successHandler(new LoginSuccessHandler(tokens, memory, pendingActions, dispatcher, consent, gate))
				.failureHandler(new LoginFailureHandler(pendingActions, dispatcher, tokens)))
			// A single identity provider: go straight to Globus rather than show a
			// chooser.
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(ConsentRoundTrip.AUTHORIZATION_PATH))
				.accessDeniedHandler(gate.deniedHandler()))
			.logout((logout) -> logout.addLogoutHandler(revoking(tokens)).logoutSuccessUrl("/?signed_out"))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy(globus.authBaseUrl())))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frames) -> frames.deny()));
		return http.build();
	}

	/**
	 * No inline script anywhere. Forms may lead to Globus Auth, because browsers apply
	 * form-action to the redirects that follow a form post (submit → consent trip).
	 */
	static String contentSecurityPolicy(String authUrl) {
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
				+ "base-uri 'self'; frame-ancestors 'none'; form-action 'self' " + origin(authUrl);
	}

	private static String origin(String url) {
		URI uri = URI.create(url);
		return uri.getScheme() + "://" + uri.getAuthority();
	}

	@Bean
	ClientRegistrationRepository clientRegistrations(GlobusProperties globus) {
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
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	/** Globus signs ID tokens with RS512; Spring assumes RS256 unless told. */
	@Bean
	JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(GlobusProperties globus, AuthProperties auth) {
		OidcIdTokenDecoderFactory factory = new OidcIdTokenDecoderFactory();
		factory.setJwsAlgorithmResolver((registration) -> SignatureAlgorithm.RS512);
		String issuer = StringUtils.hasText(auth.issuer()) ? auth.issuer() : globus.authBaseUrl();
		factory.setJwtValidatorFactory((registration) -> new DelegatingOAuth2TokenValidator<>(
				new JwtTimestampValidator(Duration.ofSeconds(60)), (jwt) -> idTokenClaims(jwt, issuer, registration)));
		return factory;
	}

	/** Issuer (ignoring a trailing slash), audience and subject of an ID token. */
	static OAuth2TokenValidatorResult idTokenClaims(Jwt jwt, String issuer, ClientRegistration registration) {
		List<OAuth2Error> errors = new ArrayList<>();
		String iss = jwt.getClaimAsString("iss");
		// With one identity provider there is no mix-up to guard against beyond this:
		// the configured Auth URL, or Globus's canonical issuer when a proxy or a
		// Globus-shaped server sits at another address.
		if (iss == null || !(stripSlash(iss).equals(stripSlash(issuer)) || GLOBUS_ISSUER.equals(stripSlash(iss)))) {
			errors.add(new OAuth2Error("invalid_id_token", "The ID token was not issued by " + issuer, null));
		}
		if (jwt.getAudience() == null || !jwt.getAudience().contains(registration.getClientId())) {
			errors.add(new OAuth2Error("invalid_id_token", "The ID token is not meant for this portal", null));
		}
		if (!StringUtils.hasText(jwt.getSubject()) || jwt.getIssuedAt() == null || jwt.getExpiresAt() == null) {
			errors.add(new OAuth2Error("invalid_id_token", "The ID token lacks sub, iat or exp", null));
		}
		return errors.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(errors);
	}

	private static String stripSlash(String value) {
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

	private static OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> capturing(
			OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> delegate) {
		return (grantRequest) -> {
			var response = delegate.getTokenResponse(grantRequest);
			LoginRequestAttributes.tokenResponse(response);
			return response;
		};
	}

	private static LogoutHandler revoking(UserTokens tokens) {
		return (request, response, authentication) -> {
			if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
				tokens.revokeAll(user.getSubject());
			}
		};
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
