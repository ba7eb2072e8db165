package org.transferportal.web;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member who asks the portal's task pages about a thousand made-up task ids grows no
 * metric (review M3): ids that are not UUIDs are refused before any call, and the calls
 * that reach Globus are measured under the client method's name.
 */
class MetricCardinalityIntegrationTests extends FlowTestSupport {

	@Autowired
	private MeterRegistry meters;

	@Test
	void aThousandBogusTaskIdsThroughTheTaskPagesAddNoSeries() {
		this.globus.server()
			.stubFor(any(urlPathMatching("/v0.10/task/.*"))
				.willReturn(FakeGlobus.json(404, FakeGlobus.body("errors/not_found.json"))));
		PortalBrowser browser = newBrowser();
		browser.login(PortalBrowser.LOGIN);
		// One of each kind first, so that every series the pages make exists.
		for (int i = 0; i < 8; i++) {
			ask(browser, i);
		}
		Set<Meter.Id> before = ids();
		for (int i = 8; i < 1000; i++) {
			ask(browser, i);
		}
		assertThat(ids()).isEqualTo(before);
		assertThat(this.meters.find("globus.requests").tag("operation", "transfer.get_task").timers()).isNotEmpty();
	}

	/**
	 * A made-up id on a task page: short, long, a word, or a UUID Globus does not know.
	 */
	private static void ask(PortalBrowser browser, int i) {
		String bogus = switch (i % 4) {
			case 0 -> "t" + i;
			case 1 -> UUID.randomUUID().toString();
			case 2 -> "x".repeat(1 + i % 70);
			default -> "task" + Integer.toString(i, 26).replaceAll("[0-9]", "q");
		};
		String path = (i % 8 < 4) ? "/tasks/" + bogus + "/progress" : "/tasks/" + bogus;
		// Not found, either by the portal or by Globus (whose answer the progress JSON
		// reports as it is).
		assertThat(browser.get(path).getStatus()).as(path).isIn(200, 404);
	}

	/**
	 * Every series but the JVM's own, which gain one when a new kind of garbage
	 * collection first happens, and the background jobs' (`tasks.scheduled.*`), which
	 * gain one when a job first runs, whenever that falls; neither carries request input.
	 */
	private Set<Meter.Id> ids() {
		return this.meters.getMeters()
			.stream()
			.map(Meter::getId)
			.filter((id) -> !id.getName().startsWith("jvm.") && !id.getName().startsWith("tasks.scheduled."))
			.collect(Collectors.toSet());
	}

}
