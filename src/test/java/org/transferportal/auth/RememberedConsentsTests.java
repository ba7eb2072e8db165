package org.transferportal.auth;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.transferportal.globus.AuthorizationParameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

class RememberedConsentsTests {

	static final String A = "https://auth.globus.org/scopes/aaaaaaaa-0000-4000-8000-000000000001/data_access";

	static final String B = "https://auth.globus.org/scopes/bbbbbbbb-0000-4000-8000-000000000002/data_access";

	private final ConsentMemory memory = mock(ConsentMemory.class);

	private final RememberedConsents handler = new RememberedConsents(this.memory);

	private final PendingAction action = new PendingAction("p", "alice", RememberedConsents.KIND, "/tasks",
			AuthorizationParameters
				.scopes(List.of("urn:globus:auth:scope:transfer.api.globus.org:all[*" + A + " *" + B + "]"), null),
			Instant.now().plusSeconds(60));

	@Test
	void aRenewedConsentGoesOnToThePageThatNeededTheLogin() {
		assertThat(this.handler.resume(this.action)).isEqualTo("/tasks");
		then(this.memory).shouldHaveNoInteractions();
	}

	@Test
	void consentsGlobusRefusesToRenewAreForgotten() {
		assertThat(this.handler.abandoned(this.action, "invalid_scope")).isEqualTo("/tasks");
		then(this.memory).should().forget("alice", List.of(A, B));
	}

}
