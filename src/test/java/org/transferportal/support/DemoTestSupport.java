package org.transferportal.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that drive the demo over real HTTP: the whole portal in demo mode on
 * a random port, talking to its embedded simulated Globus at that port.
 *
 * <p>
 * Subclasses that add no settings of their own share one application context, and so one
 * simulated Globus: its identities keep their consents, bookmarks and tasks from class to
 * class, as a real Globus account would. A test that needs something to be new (a first
 * consent, an empty bookmark list) must not rely on what other classes did; a class that
 * leaves behind what others must not see says so with {@code @DirtiesContext} (and runs
 * after the others, see {@link DirtiesContextLast}). Settings that differ
 * ({@code @TestPropertySource}) make a context of their own.
 */
// Tasks run 20 times faster than real time, so browser tests watch them finish quickly.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "simulator.time-acceleration=20")
public abstract class DemoTestSupport {

	@LocalServerPort
	protected int port;

	/** The portal's address, e.g. {@code http://localhost:41234}. */
	protected String base() {
		return "http://localhost:" + this.port;
	}

}
