package org.transferportal.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.util.unit.DataSize;

import org.transferportal.globus.GlobusProperties;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * ID tokens as Globus Auth issues them pass the portal's decoder, and Spring's own OIDC
 * checks (audience, {@code azp}, expiry, {@code iat} not in the future) still hold beside
 * the portal's issuer rule.
 */
class IdTokenValidationTests {

	private static final String CLIENT_ID = "7fb58e00-839d-44e3-8047-10a502612dca";

	private static final WireMockServer auth = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private static RSAKey key;

	private final ClientRegistration registration = ClientRegistration.withRegistrationId("globus")
		.clientId("portal")
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
		.authorizationUri("https://auth.example/authorize")
		.tokenUri("https://auth.example/token")
		.issuerUri("https://auth.example")
		.build();

	@BeforeAll
	static void globusAuthServesAKeySetWithoutKeyIds() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
			.algorithm(JWSAlgorithm.RS512)
			.keyUse(KeyUse.SIGNATURE)
			.build();
		auth.start();
		// Globus's key set:
		// {"keys":[{"alg":"RS512","e":…,"kty":"RSA","n":…,"use":"sig"}]}, no kid.
		auth.stubFor(get("/jwk.json").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody(new JWKSet(key.toPublicJWK()).toString())));
		// Spring fetches the key set with Nimbus's 500 ms timeouts: answer once first, so
		// that a busy machine's cold WireMock does not fail a test.
		HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(auth.baseUrl() + "/jwk.json")).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	@AfterAll
	static void stop() {
		auth.stop();
	}

	@Test
	void aGlobusShapedIdTokenPassesThePortalsDecoder() throws Exception {
		Instant now = Instant.now();
		Jwt jwt = decoder().decode(globusIdToken(CLIENT_ID, now.plusSeconds(30), now.plusSeconds(172_800)));

		assertThat(jwt.getSubject()).isEqualTo("c8aad43e-d274-11e5-bf98-8b02896cf782");
		assertThat(jwt.getAudience()).containsExactly(CLIENT_ID);
		assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("sirosen2@globusid.org");
		assertThat(jwt.getHeaders()).containsEntry("alg", "RS512").doesNotContainKey("kid");
	}

	@Test
	void theKeySetReallyHasNoKeyIdAndTheTokenAPlainStringAudience() throws Exception {
		assertThat(auth.getStubMappings().get(0).getResponse().getBody()).doesNotContain("\"kid\"");
		String token = globusIdToken(CLIENT_ID, Instant.now(), Instant.now().plusSeconds(600));
		String payload = JWSObject.parse(token).getPayload().toString();
		assertThat(payload).contains("\"aud\":\"" + CLIENT_ID + "\"");
	}

	@Test
	void anIdTokenIssuedInTheFutureBeyondTheClockSkewIsRefused() throws Exception {
		Instant now = Instant.now();
		String token = globusIdToken(CLIENT_ID, now.plus(Duration.ofMinutes(5)), now.plusSeconds(600));

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder().decode(token))
			.withMessageContaining("iat");
	}

	@Test
	void anIdTokenForAnotherClientIsRefused() throws Exception {
		String token = globusIdToken("someone-else", Instant.now(), Instant.now().plusSeconds(600));

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder().decode(token))
			.withMessageContaining("aud");
	}

	@Test
	void theConfiguredIssuerIsAcceptedWithOrWithoutATrailingSlash() {
		assertThat(valid(token("https://auth.example/", List.of("portal")), "https://auth.example")).isTrue();
		assertThat(valid(token("https://auth.example", List.of("portal")), "https://auth.example/")).isTrue();
	}

	@Test
	void globusCanonicalIssuerIsAcceptedWhereverAuthIsServed() {
		assertThat(valid(token("https://auth.globus.org", List.of("portal")), "http://localhost:9000")).isTrue();
	}

	@Test
	void anyOtherIssuerOrAudienceIsRefused() {
		assertThat(valid(token("https://evil.example", List.of("portal")), "https://auth.example")).isFalse();
		assertThat(valid(token("https://auth.example", List.of("someone-else")), "https://auth.example")).isFalse();
	}

	@Test
	void severalAudiencesNeedAnAuthorizedPartyThatIsThePortal() {
		Jwt withoutAzp = token("https://auth.example", List.of("portal", "another"));
		Jwt foreignAzp = Jwt.withTokenValue("t")
			.headers((h) -> h.putAll(withoutAzp.getHeaders()))
			.claims((c) -> c.putAll(withoutAzp.getClaims()))
			.claim("azp", "another")
			.build();
		Jwt ownAzp = Jwt.withTokenValue("t")
			.headers((h) -> h.putAll(withoutAzp.getHeaders()))
			.claims((c) -> c.putAll(withoutAzp.getClaims()))
			.claim("azp", "portal")
			.build();

		assertThat(valid(withoutAzp, "https://auth.example")).isFalse();
		assertThat(valid(foreignAzp, "https://auth.example")).isFalse();
		assertThat(valid(ownAzp, "https://auth.example")).isTrue();
	}

	private boolean valid(Jwt jwt, String issuer) {
		return !GlobusLoginConfiguration.idTokenValidator(this.registration, issuer).validate(jwt).hasErrors();
	}

	private static Jwt token(String issuer, List<String> audience) {
		Instant now = Instant.now();
		return Jwt.withTokenValue("t")
			.header("alg", "RS512")
			.claim("iss", issuer)
			.subject("ae332d86-d274-11e5-b885-b31714a110e9")
			.audience(audience)
			.issuedAt(now)
			.expiresAt(now.plusSeconds(60))
			.build();
	}

	/** The portal's own decoder for its Globus registration, Auth being WireMock. */
	private static JwtDecoder decoder() {
		String url = auth.baseUrl();
		GlobusProperties globus = new GlobusProperties(CLIENT_ID, "c2VjcmV0K3dpdGgvc2xhc2g9", url, url, url,
				Duration.ofSeconds(5), 0, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(5), 0,
				DataSize.ofMegabytes(16));
		GlobusLoginConfiguration login = new GlobusLoginConfiguration();
		AuthProperties properties = new AuthProperties(null, null, null, null, true, null, null, null);
		ClientRegistration registration = login.clientRegistrations(globus, properties)
			.findByRegistrationId(GlobusLoginConfiguration.REGISTRATION_ID);
		return login.idTokenDecoderFactory(globus, properties).createDecoder(registration);
	}

	/**
	 * An ID token in the shape of the real one in Globus's SDK tests: header
	 * {@code {"typ":"JWT","alg":"RS512"}} without a key id, a plain-string {@code aud},
	 * Globus's canonical issuer and its identity claims.
	 */
	private static String globusIdToken(String audience, Instant issuedAt, Instant expiresAt) throws Exception {
		String claims = """
				{"sub":"c8aad43e-d274-11e5-bf98-8b02896cf782","organization":"Globus","name":"Stephen Rosen",\
				"preferred_username":"sirosen2@globusid.org","identity_provider":"41143743-f3c8-4d60-bbdb-eeecaba85bd9",\
				"identity_provider_display_name":"Globus ID","email":"sirosen@uchicago.edu",\
				"last_authentication":%d,"identity_set":[{"sub":"c8aad43e-d274-11e5-bf98-8b02896cf782",\
				"organization":"Globus","name":"Stephen Rosen","username":"sirosen2@globusid.org",\
				"identity_provider":"41143743-f3c8-4d60-bbdb-eeecaba85bd9","identity_provider_display_name":"Globus ID",\
				"email":"sirosen@uchicago.edu","last_authentication":%d}],"iss":"https://auth.globus.org",\
				"aud":"%s","exp":%d,"iat":%d,"at_hash":"1PvUancEuL_sg1WPl5luMEFGkcL6Ph8uqgiUFsz8deA"}"""
			.formatted(issuedAt.getEpochSecond(), issuedAt.getEpochSecond(), audience, expiresAt.getEpochSecond(),
					issuedAt.getEpochSecond());
		JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS512).type(JOSEObjectType.JWT).build(),
				new Payload(claims));
		jws.sign(new RSASSASigner(key));
		return jws.serialize();
	}

}
