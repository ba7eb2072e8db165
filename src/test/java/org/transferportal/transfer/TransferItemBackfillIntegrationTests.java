package org.transferportal.transfer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

import org.transferportal.support.FlowTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests submitted before the portal kept their items get them from the form they keep,
 * once, so that the history finds them by path too.
 */
class TransferItemBackfillIntegrationTests extends FlowTestSupport {

	@Autowired
	TransferItemBackfill backfill;

	@Autowired
	JdbcClient jdbc;

	@Test
	void submittedRequestsWithoutItemsGetThemFromTheirKeptForm() {
		LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("source_collection", UUID.randomUUID().toString());
		fields.add("source_path", "/data/");
		fields.add("destination_collection", UUID.randomUUID().toString());
		fields.add("destination_path", "/in/");
		fields.add("manifest", "a.txt b.txt\nruns/ runs/ --recursive");
		// Kept when a deadline was still in the future; it has passed since.
		fields.add("deadline", "2020-01-01T00:00");
		String batch = insert("SUBMITTED", TransferForm.from(fields));
		String old = insert("SUBMITTED", null,
				"{\"sourcePath\":\"/old/run-7/\",\"destinationPath\":\"/archive/run-7/\"}");
		String open = insert("OPEN", TransferForm.from(fields));

		this.backfill.backfill();
		this.backfill.backfill();

		assertThat(items(batch)).containsExactly(List.of("/data/a.txt", "/in/b.txt", false),
				List.of("/data/runs/", "/in/runs/", true));
		assertThat(items(old)).as("a form today's rules refuse still gives its paths")
			.containsExactly(List.of("/old/run-7/", "/archive/run-7/", true));
		assertThat(items(open)).as("drafts are not history").isEmpty();
	}

	private String insert(String status, TransferForm form) {
		return insert(status, form, null);
	}

	private String insert(String status, TransferForm form, String json) {
		String id = UUID.randomUUID().toString();
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql("""
				insert into transfer_request (id, subject, username, status, form_json, consent_trips, created_at,
				  updated_at, submitted_at) values (?, 's', 'u', ?, ?, 0, ?, ?, ?)""")
			.params(id, status, (json != null) ? json : JsonMapper.builder().build().writeValueAsString(form), now, now,
					now)
			.update();
		return id;
	}

	private List<List<Object>> items(String requestId) {
		return this.jdbc.sql(
				"select source_path, destination_path, recursive from transfer_item where request_id = ? order by position")
			.param(requestId)
			.query((rs, row) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
			.list();
	}

}
