package org.transferportal.globus;

import java.net.URI;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.DefaultOAuth2TokenRequestHeadersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Makes the Globus clients: one {@link AuthClient} for the portal, one
 * {@link GroupsClient}, and a {@link TransferClient} per user and a
 * {@link CollectionHttpsClient} per user and collection, bound to that user's tokens.
 */
@Component
public class GlobusClients {

	private final GlobusHttp http;

	private final GlobusHttp submitHttp;

	private final GlobusHttp healthHttp;

	private final JsonMapper json;

	private final GlobusProperties properties;

	private final AuthClient authClient;

	private final GroupsClient groupsClient;

	private final GlobusHttp.Sleeper sleeper;

	private final MeterRegistry meters;

	/** Per attempt, for the Groups call a login waits on. */
	static final Duration GROUPS_TIMEOUT = Duration.ofSeconds(5);

	/** Retries of the Groups call a login waits on. */
	static final int GROUPS_RETRIES = 1;

	/**
	 * Per attempt, for the consents a preflight asks Globus Auth for: without an answer
	 * the preflight falls back on what the portal remembers, so it need not wait long.
	 */
	static final Duration CONSENTS_TIMEOUT = Duration.ofSeconds(5);

	/** Retries of the consents call. */
	static final int CONSENTS_RETRIES = 1;

	/** Per attempt, for the health check, which a probe waits on. */
	static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);

	@Autowired
	public GlobusClients(WebClient.Builder webClientBuilder, GlobusProperties properties, MeterRegistry meters) {
		this(webClientBuilder.build(), properties, GlobusHttp.Sleeper.real(), meters);
	}

	GlobusClients(WebClient webClient, GlobusProperties properties, GlobusHttp.Sleeper sleeper) {
		this(webClient, properties, sleeper, new SimpleMeterRegistry());
	}

	GlobusClients(WebClient webClient, GlobusProperties properties, GlobusHttp.Sleeper sleeper, MeterRegistry meters) {
		this.json = globusJson();
		this.properties = properties;
		this.sleeper = sleeper;
		this.meters = meters;
		// WebFlux reads at most 256 KiB of an answer unless told; Globus's answers are
		// larger than that (a 1,000-entry listing, a page of a task's files).
		WebClient sized = webClient.mutate()
			.codecs((codecs) -> codecs.defaultCodecs()
				.maxInMemorySize(Math.toIntExact(properties.maxAnswerSize().toBytes())))
			.build();
		this.http = new GlobusHttp(sized, properties, this.json, sleeper, meters);
		this.submitHttp = new GlobusHttp(sized, properties.forSubmission(), this.json, sleeper, meters);
		this.healthHttp = new GlobusHttp(sized, properties.atMost(HEALTH_TIMEOUT, 0), this.json, sleeper, meters);
		GlobusHttp consentsHttp = new GlobusHttp(sized, properties.atMost(CONSENTS_TIMEOUT, CONSENTS_RETRIES),
				this.json, sleeper, meters);
		this.authClient = new AuthClient(this.http, consentsHttp, this.json, properties);
		// The Groups call happens during login, with the user waiting: a hung Groups API
		// must cost seconds, not the minutes that full timeouts and retries would.
		GlobusHttp groupsHttp = new GlobusHttp(sized, properties.atMost(GROUPS_TIMEOUT, GROUPS_RETRIES), this.json,
				sleeper, meters);
		this.groupsClient = new GroupsClient(groupsHttp, properties.groupsBaseUrl());
	}

	/** Transfer on behalf of the user whose tokens the provider holds. */
	public TransferClient transfer(AccessTokenProvider tokens) {
		return new TransferClient(this.http, this.submitHttp, this.json, this.properties.transferApiUrl(), tokens);
	}

	/**
	 * A collection's HTTPS server (its document's {@code https_server}) on behalf of the
	 * user whose token for that collection the provider holds.
	 */
	public CollectionHttpsClient https(String httpsServer, AccessTokenProvider tokens) {
		return new CollectionHttpsClient(httpsServer, tokens, this.properties, this.sleeper, this.meters);
	}

	/**
	 * Whether Globus answers at all: Auth's key set, and Transfer's API root (which
	 * refuses an anonymous call with 401, proof enough that it is there).
	 */
	public boolean reachable() {
		try {
			this.healthHttp.send(HttpMethod.GET, URI.create(this.properties.authBaseUrl() + "/jwk.json"), null,
					GlobusHttp.Retry.NEVER, (headers) -> {
					});
		}
		catch (GlobusException ex) {
			return false;
		}
		try {
			this.healthHttp.send(HttpMethod.GET, URI.create(this.properties.transferApiUrl() + "/submission_id"), null,
					GlobusHttp.Retry.NEVER, (headers) -> {
					});
			return true;
		}
		catch (GlobusException ex) {
			return ex.status() != 0 && ex.status() < 500;
		}
	}

	/** Globus Auth as the portal's confidential client. */
	public AuthClient auth() {
		return this.authClient;
	}

	/** Globus Groups, called with a user's Groups token. */
	public GroupsClient groups() {
		return this.groupsClient;
	}

	/**
	 * The client that exchanges an authorization code at Globus Auth for Spring
	 * Security's login: same timeout as every other call, and client credentials sent as
	 * they are (as Globus's SDK does), not form-encoded first.
	 */
	public OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeClient() {
		SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
		requestFactory.setConnectTimeout(this.properties.timeout());
		requestFactory.setReadTimeout(this.properties.timeout());
		RestClient restClient = RestClient.builder()
			.requestFactory(requestFactory)
			.configureMessageConverters((converters) -> converters.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build();
		DefaultOAuth2TokenRequestHeadersConverter<OAuth2AuthorizationCodeGrantRequest> headers = new DefaultOAuth2TokenRequestHeadersConverter<>();
		headers.setEncodeClientCredentials(false);
		RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
		client.setRestClient(restClient);
		client.setHeadersConverter(headers);
		return client;
	}

	/**
	 * Globus's JSON: snake_case names, unknown fields ignored (Globus adds fields
	 * freely).
	 */
	static JsonMapper globusJson() {
		return JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.build();
	}

}
