package org.transferportal.simulator.auth;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RedirectUris}.
 */
class RedirectUrisTests {

	@Test
	void withoutConfigurationOnlyTheCallbackOnThisMachineIsAccepted() {
		RedirectUris uris = new RedirectUris(List.of());
		assertThat(uris.allows("http://localhost:8080/login/oauth2/code/globus")).isTrue();
		assertThat(uris.allows("http://127.0.0.1:41234/login/oauth2/code/globus")).isTrue();
		assertThat(uris.allows("http://[::1]:8080/login/oauth2/code/globus")).isTrue();
		assertThat(uris.allows("https://portal.example.org/login/oauth2/code/globus")).isFalse();
		assertThat(uris.allows("http://localhost.evil.example/login/oauth2/code/globus")).isFalse();
		assertThat(uris.allows("http://localhost@evil.example/login/oauth2/code/globus")).isFalse();
		assertThat(uris.allows("http://x@localhost:8080/login/oauth2/code/globus")).isFalse();
		assertThat(uris.allows("http://localhost:8080/login/oauth2/code/globus/../../elsewhere")).isFalse();
		assertThat(uris.allows("http://localhost:8080/login/oauth2/code/globus?next=x")).isFalse();
		assertThat(uris.allows("javascript:alert(1)")).isFalse();
		assertThat(uris.allows(null)).isFalse();
	}

	@Test
	void configuredUrisAreComparedExactly() {
		RedirectUris uris = new RedirectUris(List.of("https://portal.example.org/login/oauth2/code/globus",
				"http://localhost:8080/login/oauth2/code/globus"));
		assertThat(uris.allows("https://portal.example.org/login/oauth2/code/globus")).isTrue();
		assertThat(uris.allows("http://localhost:8080/login/oauth2/code/globus")).isTrue();
		assertThat(uris.allows("http://localhost:9090/login/oauth2/code/globus")).isFalse();
		assertThat(uris.allows("https://portal.example.org/login/oauth2/code/globus/")).isFalse();
		assertThat(uris.allows("HTTPS://portal.example.org/login/oauth2/code/globus")).isFalse();
	}

}
