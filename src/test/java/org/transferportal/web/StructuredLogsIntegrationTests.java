package org.transferportal.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional JSON logs (README: {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}): each
 * line of a whole flow is one JSON document a log shipper can read, and none holds a
 * token.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "logging.structured.format.console=ecs", "logging.level.org.transferportal=DEBUG" })
class StructuredLogsIntegrationTests extends FlowTestSupport {

	@Test
	void aWholeFlowLogsOneJsonDocumentPerLineWithoutTokens(CapturedOutput output) {
		PortalBrowser browser = newBrowser();
		browser.login(PortalBrowser.LOGIN);
		FakeGlobus.Tokens tokens = browser.tokens();
		String taskId = OperabilityIntegrationTests.submitThroughConsent(this.globus, browser);

		JsonMapper json = JsonMapper.builder().build();
		List<JsonNode> portalLines = output.getOut()
			.lines()
			.filter((line) -> line.contains("org.transferportal"))
			.map(json::readTree)
			.toList();
		assertThat(portalLines).isNotEmpty()
			.allSatisfy((line) -> assertThat(line.has("@timestamp") && line.has("message")).isTrue());
		assertThat(portalLines)
			.anySatisfy((line) -> assertThat(line.path("message").asString()).contains("submitted as task " + taskId));
		assertThat(output.getAll()).doesNotContain(tokens.authAccess())
			.doesNotContain(tokens.authRefresh())
			.doesNotContain(tokens.transferAccess())
			.doesNotContain(tokens.transferRefresh());
	}

}
