package org.transferportal.globus;

import java.util.ArrayList;
import java.util.List;

/**
 * A Globus Auth token answer: one token per resource server, the first at the top level
 * and the others in {@code other_tokens}, in no guaranteed order.
 */
public record TokenResponse(String accessToken, String tokenType, Long expiresIn, String scope, String resourceServer,
		String refreshToken, List<TokenResponse> otherTokens) {

	public TokenResponse {
		otherTokens = (otherTokens != null) ? otherTokens : List.of();
	}

	/** Every token of the answer, the top-level one first. */
	public List<TokenResponse> all() {
		List<TokenResponse> all = new ArrayList<>();
		all.add(this);
		all.addAll(this.otherTokens);
		return all;
	}

}
