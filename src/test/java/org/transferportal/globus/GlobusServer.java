package org.transferportal.globus;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A WireMock server playing Globus for one test class: started before its tests, emptied
 * of stubs and requests after each, stopped at the end. Register it as a static
 * {@code @RegisterExtension} field.
 */
final class GlobusServer extends WireMockServer implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

	GlobusServer() {
		super(WireMockConfiguration.options().dynamicPort());
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		resetAll();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

}
