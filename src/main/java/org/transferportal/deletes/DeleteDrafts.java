package org.transferportal.deletes;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes in the portal's record of requests ({@code transfer_request}, task type
 * {@code DELETE}), so that the lab audit and history list them with the transfers: the
 * draft from the preview on, kept with its submission id, then the record of the task,
 * with its paths in {@code transfer_item} (no destination).
 */
@Repository
class DeleteDrafts {

	static final String TASK_TYPE = "DELETE";

	static final String OPEN = "OPEN";

	static final String SUBMITTED = "SUBMITTED";

	/**
	 * A delete request.
	 *
	 * @param id draft id
	 * @param status {@link #OPEN} or {@link #SUBMITTED}
	 * @param form what is to be deleted
	 * @param submissionId Transfer's submission id, once obtained
	 * @param taskId the task, once submitted
	 * @param message the last problem to show the user, or {@code null}
	 */
	record Draft(String id, String status, DeleteForm form, String submissionId, String taskId, String message) {

		boolean submitted() {
			return SUBMITTED.equals(this.status);
		}

	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	DeleteDrafts(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.transactions = transactions;
		this.clock = clock;
	}

	Draft create(String subject, String username, DeleteForm form) {
		String id = UUID.randomUUID().toString();
		Timestamp now = now();
		this.jdbc.sql("""
				insert into transfer_request (id, subject, username, status, task_type, source_collection, label,
				  form_json, consent_trips, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
			.params(id, subject, username, OPEN, TASK_TYPE, form.collection(), form.label(),
					this.json.writeValueAsString(form), now, now)
			.update();
		return find(id, subject).orElseThrow();
	}

	/** The user's own delete; another user's id, or a transfer's, finds nothing. */
	Optional<Draft> find(String id, String subject) {
		return this.jdbc.sql("select * from transfer_request where id = ? and subject = ? and task_type = ?")
			.params(id, subject, TASK_TYPE)
			.query(this::map)
			.optional();
	}

	void saveForm(String id, DeleteForm form) {
		this.jdbc.sql("""
				update transfer_request set form_json = ?, label = ?, message = null, updated_at = ?
				  where id = ? and status = ?""")
			.params(this.json.writeValueAsString(form), form.label(), now(), id, OPEN)
			.update();
	}

	void saveMessage(String id, String message) {
		String kept = (message != null && message.length() > 2000) ? message.substring(0, 2000) : message;
		this.jdbc.sql("update transfer_request set message = ?, updated_at = ? where id = ?")
			.params(kept, now(), id)
			.update();
	}

	/**
	 * Keeps the first submission id given for a draft and returns the one kept, so that
	 * racing clicks (and instances) all send the same one.
	 */
	String keepSubmissionId(String id, String submissionId) {
		this.jdbc.sql("update transfer_request set submission_id = ? where id = ? and submission_id is null")
			.params(submissionId, id)
			.update();
		return this.jdbc.sql("select submission_id from transfer_request where id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	int countConsentTrip(String id) {
		this.jdbc.sql("update transfer_request set consent_trips = consent_trips + 1 where id = ?").param(id).update();
		return this.jdbc.sql("select consent_trips from transfer_request where id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

	/**
	 * Records that Globus accepted the delete as this task, with its paths (searchable in
	 * the history). Only the first of racing calls records.
	 */
	void markSubmitted(String id, String taskId, DeleteForm form) {
		Timestamp now = now();
		this.transactions.executeWithoutResult((status) -> {
			int marked = this.jdbc
				.sql("""
						update transfer_request set status = ?, task_id = ?, message = null, submitted_at = ?, updated_at = ?
						  where id = ? and status = ?""")
				.params(SUBMITTED, taskId, now, now, id, OPEN)
				.update();
			if (marked == 1) {
				List<String> paths = form.paths();
				this.batch.batchUpdate("""
						insert into transfer_item (request_id, position, source_path, destination_path, recursive)
						values (?, ?, ?, '', ?)""", paths, 500, (PreparedStatement statement, String path) -> {
					statement.setString(1, id);
					statement.setInt(2, paths.indexOf(path));
					statement.setString(3, path);
					statement.setBoolean(4, path.endsWith("/"));
				});
			}
		});
	}

	private Draft map(ResultSet rs, int row) throws SQLException {
		return new Draft(rs.getString("id"), rs.getString("status"),
				this.json.readValue(rs.getString("form_json"), DeleteForm.class), rs.getString("submission_id"),
				rs.getString("task_id"), rs.getString("message"));
	}

	private Timestamp now() {
		Instant now = this.clock.instant();
		return Timestamp.from(now);
	}

}
