package org.transferportal.globus;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Makes the Globus clients: one {@link AuthClient} for the portal, and a
 * {@link TransferClient} per user, bound to that user's tokens.
 */
@Component
public class GlobusClients {

	private final GlobusHttp http;

	private final JsonMapper json;

	private final GlobusProperties properties;

	private final AuthClient authClient;

	public GlobusClients(WebClient.Builder webClientBuilder, GlobusProperties properties) {
		this(webClientBuilder.build(), properties, GlobusHttp.Sleeper.real());
	}

	GlobusClients(WebClient webClient, GlobusProperties properties, GlobusHttp.Sleeper sleeper) {
		this.json = globusJson();
		this.properties = properties;
		this.http = new GlobusHttp(webClient, properties, this.json, sleeper);
		this.authClient = new AuthClient(this.http, this.json, properties);
	}

	/** Transfer on behalf of the user whose tokens the provider holds. */
	public TransferClient transfer(AccessTokenProvider tokens) {
		return new TransferClient(this.http, this.json, this.properties.transferApiUrl(), tokens);
	}

	/** Globus Auth as the portal's confidential client. */
	public AuthClient auth() {
		return this.authClient;
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
