package org.transferportal.reliability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.transferportal.support.DemoUserAgent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user who keeps going while Globus misbehaves: copies a tutorial file under a label of
 * its own, and on a message submits the same form again, checking each time that the page
 * said why and kept the form.
 */
final class PatientUser {

	static final String TUTORIAL_1 = "6c54cade-bde5-45c1-bdea-f4bd71dba2cc";

	static final String TUTORIAL_2 = "31ce9ba0-176d-45a5-add3-f37d233ba47d";

	private PatientUser() {
	}

	/**
	 * Submits until the task page shows, at most {@code maxAttempts} times.
	 * @return the task id
	 */
	static String submitUntilDone(DemoUserAgent agent, String label, int maxAttempts, AtomicInteger messagesShown) {
		DemoUserAgent.Page form = agent.open("/transfer?source_collection=" + TUTORIAL_1
				+ "&source_path=/share/godata/file1.txt&destination_collection=" + TUTORIAL_2
				+ "&destination_path=/share/godata/" + label + ".txt&label=" + label);
		assertThat(form.field("label")).as("form of %s: %s %s", label, form.status(), form.uri()).isEqualTo(label);
		for (int attempt = 0; attempt < maxAttempts; attempt++) {
			Map<String, String> fields = new LinkedHashMap<>();
			for (String name : List.of("draft", "key", "source_collection", "source_path", "destination_collection",
					"destination_path", "label")) {
				// A new form carries its key; once posted, its draft.
				if (form.field(name) != null) {
					fields.put(name, form.field(name));
				}
			}
			fields.put("form", "1");
			fields.put("verify_checksum", "true");
			DemoUserAgent.Page answer = agent.post("/transfer", form, fields);
			if (answer.uri().getPath().startsWith("/tasks/")) {
				return answer.uri().getPath().substring("/tasks/".length());
			}
			// Not done: the page must say why and keep the form as it was.
			assertThat(answer.status()).as("answer to %s", label).isLessThan(500);
			assertThat(answer.field("label")).as("form kept for %s", label).isEqualTo(label);
			assertThat(answer.body()).contains("role=\"alert\"");
			messagesShown.incrementAndGet();
			form = answer;
		}
		throw new AssertionError(label + " not submitted after " + maxAttempts + " attempts");
	}

}
