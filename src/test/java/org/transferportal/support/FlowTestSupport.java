package org.transferportal.support;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of the whole-flow tests: the whole portal with MockMvc, talking to
 * {@link FakeGlobus} as its Globus Auth and Transfer. Every test starts with a clean
 * WireMock and logs in as a new identity, so tests share one application context without
 * sharing state.
 */
// The credentials must be there when the environment is prepared: without them the
// portal switches to demo mode before dynamic properties are added.
// The lab settings let in FakeGlobus.User.fresh() (globusid.org) and the admin.
@SpringBootTest(
		properties = { "globus.client-id=" + FakeGlobus.CLIENT_ID, "globus.client-secret=" + FakeGlobus.CLIENT_SECRET,
				"portal.lab.allowed-domains=globusid.org,uchicago.edu", "portal.lab.admins=" + FlowTestSupport.ADMIN,
				// No background status refresh: tests count the calls WireMock receives.
				"portal.audit.status-refresh=0",
				// FakeGlobus plays collections' HTTPS servers too, on plain HTTP.
				"portal.https.allow-http=true" })
@AutoConfigureMockMvc
public abstract class FlowTestSupport {

	/** The lab admin's Globus username. */
	protected static final String ADMIN = "lab-admin@uchicago.edu";

	protected final FakeGlobus globus = FakeGlobus.shared();

	@Autowired
	protected MockMvc mvc;

	@DynamicPropertySource
	static void fakeGlobus(DynamicPropertyRegistry registry) {
		FakeGlobus.register(registry);
	}

	@BeforeEach
	void resetGlobus() {
		this.globus.reset();
	}

	/** A browser for a new Globus identity. */
	protected PortalBrowser newBrowser() {
		return new PortalBrowser(this.mvc, this.globus, FakeGlobus.User.fresh());
	}

	/** A browser for a new identity with this Globus username. */
	protected PortalBrowser newBrowser(String username) {
		return new PortalBrowser(this.mvc, this.globus,
				new FakeGlobus.User(java.util.UUID.randomUUID().toString(), username));
	}

}
