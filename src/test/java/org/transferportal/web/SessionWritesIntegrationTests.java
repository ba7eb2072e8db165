package org.transferportal.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A logged-in session is written back only when it changed or once a minute
 * ({@link SparingSessionRepository}), not on every request (README, Benchmarks).
 */
class SessionWritesIntegrationTests extends FlowTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void requestsOfAnUnchangedSessionDoNotWriteItAgain() throws InterruptedException {
		PortalBrowser browser = newBrowser();
		browser.login(PortalBrowser.LOGIN);
		assertThat(browser.get("/transfer").getStatus()).isEqualTo(200);
		String id = new String(Base64.getDecoder().decode(browser.sessionId()), StandardCharsets.UTF_8);
		long written = lastAccess(id);

		for (int i = 0; i < 3; i++) {
			// Spring Session's times are in milliseconds: each request comes later.
			Thread.sleep(5);
			assertThat(browser.get("/transfer").getStatus()).isEqualTo(200);
		}

		assertThat(lastAccess(id)).as("the session row as the login left it").isEqualTo(written);
	}

	@Test
	void aLoggedInSessionThatChangedIsWrittenAtOnce() {
		PortalBrowser browser = newBrowser();
		browser.login(PortalBrowser.LOGIN);
		String id = new String(Base64.getDecoder().decode(browser.sessionId()), StandardCharsets.UTF_8);
		int before = attributes(id);

		// Leaving for Globus Auth keeps the authorization request in this same session.
		browser.get("/oauth2/authorization/globus");

		assertThat(browser.sessionId()).as("the same session")
			.isEqualTo(Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8)));
		assertThat(attributes(id)).as("the new attribute is stored within the minute").isGreaterThan(before);
	}

	private long lastAccess(String sessionId) {
		return this.jdbc.sql("select last_access_time from spring_session where session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

	private int attributes(String sessionId) {
		return this.jdbc.sql("""
				select count(*) from spring_session_attributes a join spring_session s
				  on a.session_primary_id = s.primary_id where s.session_id = ?""")
			.param(sessionId)
			.query(Integer.class)
			.single();
	}

}
