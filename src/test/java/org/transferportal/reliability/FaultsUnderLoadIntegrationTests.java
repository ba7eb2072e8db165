package org.transferportal.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import org.transferportal.support.DemoTestSupport;
import org.transferportal.support.DemoUserAgent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several users submitting at once while the simulated Globus fails one call in ten —
 * 503s, 429s with Retry-After, storage errors, answers slower than the portal's timeout,
 * dropped connections, and submissions accepted whose answer is lost or dropped: every
 * user ends with the finished task or a clear message and their form, and no submission
 * ever makes two tasks.
 */
// Whatever the dice say, the first three accepted submissions lose their answer.
@TestPropertySource(properties = { "simulator.fault-rate=0.1", "simulator.slow-delay=1500ms",
		"simulator.faults[0]=POST /transfer:lost:3", "globus.timeout=1s", "globus.max-retries=3",
		"globus.retry-base-delay=20ms", "globus.max-retry-delay=300ms", "portal.rate-limit.submissions-per-minute=0" })
class FaultsUnderLoadIntegrationTests extends DemoTestSupport {

	static final List<String> USERS = List.of("alice@globusid.org", "bob@uchicago.edu", "carol@example.edu");

	static final int SUBMISSIONS_PER_USER = 6;

	static final int MAX_ATTEMPTS = 5;

	@Test
	void noSubmissionIsLostOrDoubledWhileGlobusMisbehaves() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(USERS.size() * 2);
		Map<String, String> taskByLabel = new ConcurrentHashMap<>();
		AtomicInteger messagesShown = new AtomicInteger();
		List<Future<?>> work = new ArrayList<>();
		for (String user : USERS) {
			DemoUserAgent agent = new DemoUserAgent(base(), user);
			// Log in once before the user's submissions start in parallel.
			assertThat(agent.open("/logout").uri().getPath()).isEqualTo("/logout");
			for (int i = 0; i < SUBMISSIONS_PER_USER; i++) {
				String label = "fault-" + user.substring(0, user.indexOf('@')) + "-" + i;
				work.add(pool.submit(() -> taskByLabel.put(label,
						PatientUser.submitUntilDone(agent, label, MAX_ATTEMPTS, messagesShown))));
			}
		}
		for (Future<?> future : work) {
			future.get();
		}
		pool.shutdown();
		assertThat(taskByLabel).hasSize(USERS.size() * SUBMISSIONS_PER_USER);
		for (String user : USERS) {
			DemoUserAgent agent = new DemoUserAgent(base(), user);
			Map<String, Integer> labels = labelsOfTasks(agent);
			String prefix = "fault-" + user.substring(0, user.indexOf('@')) + "-";
			for (int i = 0; i < SUBMISSIONS_PER_USER; i++) {
				assertThat(labels.get(prefix + i)).as("tasks labelled %s%d", prefix, i).isEqualTo(1);
			}
		}
		System.out.printf("faults under load: %d submissions, %d messages shown and resubmitted, 0 duplicates%n",
				taskByLabel.size(), messagesShown.get());
	}

	/** How many of the user's tasks carry each label, read from the activity pages. */
	private static Map<String, Integer> labelsOfTasks(DemoUserAgent agent) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		Pattern label = Pattern.compile(">(fault-[a-z]+-\\d+)<");
		for (int offset = 0; offset < 200; offset += 25) {
			DemoUserAgent.Page page = openUntilOk(agent, "/tasks?offset=" + offset);
			Matcher matcher = label.matcher(page.body());
			int found = 0;
			while (matcher.find()) {
				counts.merge(matcher.group(1), 1, Integer::sum);
				found++;
			}
			if (found == 0 && !page.body().contains("Older")) {
				break;
			}
		}
		return counts;
	}

	private static DemoUserAgent.Page openUntilOk(DemoUserAgent agent, String path) {
		DemoUserAgent.Page page = agent.open(path);
		for (int i = 0; i < 5 && page.status() != 200; i++) {
			page = agent.open(path);
		}
		assertThat(page.status()).isEqualTo(200);
		return page;
	}

}
