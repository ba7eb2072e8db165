package org.transferportal.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.transferportal.support.FlowTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two tabs or two instances finishing a login of the same user at once: both succeed.
 */
class SimultaneousLoginIntegrationTests extends FlowTestSupport {

	@Autowired
	UserTokenStore store;

	@Autowired
	ConsentMemory memory;

	@Test
	void racingLoginsOfOneUserStoreOneTokenPerResourceServerWithoutFailing() throws Exception {
		String subject = UUID.randomUUID().toString();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Callable<Void>> logins = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String value = "token-" + i;
			logins.add(() -> {
				this.store.save(new StoredToken(subject, "transfer.api.globus.org", value, "refresh-" + value,
						Instant.now().plusSeconds(3600), "scope", Set.of()));
				this.memory.remember(subject, List.of("https://auth.globus.org/scopes/x/data_access"));
				return null;
			});
		}
		for (Future<Void> login : pool.invokeAll(logins)) {
			login.get();
		}
		pool.shutdown();
		assertThat(this.store.findAll(subject)).hasSize(1);
		assertThat(this.memory.remembered(subject)).hasSize(1);
	}

}
