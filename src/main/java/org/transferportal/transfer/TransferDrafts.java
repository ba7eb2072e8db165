package org.transferportal.transfer;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import org.transferportal.globus.TransferDocument;

/**
 * Transfer requests in the database: the draft from the moment the form opens, kept with
 * its submission id, and then the record of what was submitted.
 */
@Repository
class TransferDrafts {

	static final String OPEN = RequestStatus.OPEN;

	static final String SUBMITTED = RequestStatus.SUBMITTED;

	/** The task type of the requests kept here ({@code transfer_request.task_type}). */
	static final String TRANSFER = "TRANSFER";

	/**
	 * A transfer request.
	 *
	 * @param id draft id
	 * @param subject owner's Globus identity
	 * @param username owner's Globus username
	 * @param status {@link #OPEN} or {@link #SUBMITTED}
	 * @param form the form as last entered
	 * @param submissionId Transfer's submission id, once obtained
	 * @param taskId the task, once submitted
	 * @param consentTrips trips to Globus Auth this request caused
	 * @param message the last problem to show the user, or {@code null}
	 * @param createdAt when the form was opened
	 * @param submittedAt when Globus accepted it, or {@code null}
	 */
	record Draft(String id, String subject, String username, String status, TransferForm form, String submissionId,
			String taskId, int consentTrips, String message, java.time.Instant createdAt,
			java.time.Instant submittedAt) {

		boolean submitted() {
			return SUBMITTED.equals(this.status);
		}

	}

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock;

	private final TransferItems items;

	private final TransactionTemplate transactions;

	TransferDrafts(JdbcClient jdbc, Clock clock, TransferItems items, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.items = items;
		this.transactions = transactions;
	}

	Draft create(String subject, String username, TransferForm form) {
		return create(UUID.randomUUID().toString(), subject, username, form);
	}

	/**
	 * Creates a draft with a chosen id; a second create with the same id fails with
	 * {@link org.springframework.dao.DuplicateKeyException}.
	 */
	Draft create(String id, String subject, String username, TransferForm form) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				insert into transfer_request (id, subject, username, status, form_json, consent_trips, created_at,
				  updated_at) values (?, ?, ?, ?, ?, 0, ?, ?)""")
			.params(id, subject, username, OPEN, this.json.writeValueAsString(form), now, now)
			.update();
		return find(id, subject).orElseThrow();
	}

	/**
	 * The user's own transfer draft; another user's id finds nothing, and neither do the
	 * other kinds of request the table keeps (deletes).
	 */
	Optional<Draft> find(String id, String subject) {
		return this.jdbc.sql("select * from transfer_request where id = ? and subject = ? and task_type = ?")
			.params(id, subject, TRANSFER)
			.query(this::map)
			.optional();
	}

	/** The user's own submitted transfer that became this task. */
	Optional<Draft> findByTask(String taskId, String subject) {
		return this.jdbc.sql("""
				select * from transfer_request where task_id = ? and subject = ? and task_type = ? and status = ?
				  order by submitted_at limit 1""")
			.params(taskId, subject, TRANSFER, SUBMITTED)
			.query(this::map)
			.optional();
	}

	/** The user's submitted requests, newest first. */
	List<Draft> submitted(String subject, int limit) {
		return this.jdbc
			.sql("select * from transfer_request where subject = ? and status = ? order by submitted_at desc limit ?")
			.params(subject, SUBMITTED, limit)
			.query(this::map)
			.list();
	}

	void saveForm(String id, TransferForm form, String message) {
		this.jdbc.sql("""
				update transfer_request set form_json = ?, source_collection = ?, destination_collection = ?,
				  label = ?, message = ?, updated_at = ? where id = ? and status = ?""")
			.params(this.json.writeValueAsString(form), limit(form.sourceCollection(), 36),
					limit(form.destinationCollection(), 36), limit(form.label(), 128), message,
					Timestamp.from(this.clock.instant()), id, OPEN)
			.update();
	}

	void saveMessage(String id, String message) {
		this.jdbc.sql("update transfer_request set message = ?, updated_at = ? where id = ?")
			.params(limit(message, 2000), Timestamp.from(this.clock.instant()), id)
			.update();
	}

	/**
	 * Keeps the first submission id given for a draft and returns the one kept, so that
	 * racing requests all use the same id.
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

	/** The submission id kept with a draft, or {@code null}. */
	String submissionId(String id) {
		return this.jdbc.sql("select submission_id from transfer_request where id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	int countConsentTrip(String id) {
		this.jdbc.sql("update transfer_request set consent_trips = consent_trips + 1 where id = ?").param(id).update();
		return this.jdbc.sql("select consent_trips from transfer_request where id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

	/**
	 * Records that Globus accepted the draft as this task, with the items it was given
	 * (kept searchable for the lab history). Only the first of racing calls records.
	 */
	void markSubmitted(String id, String taskId, List<TransferDocument.Item> items) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.transactions.executeWithoutResult((status) -> {
			int marked = this.jdbc
				.sql("""
						update transfer_request set status = ?, task_id = ?, message = null, submitted_at = ?, updated_at = ?
						  where id = ? and status = ?""")
				.params(SUBMITTED, taskId, now, now, id, OPEN)
				.update();
			if (marked == 1) {
				this.items.insert(id, items);
			}
		});
	}

	private Draft map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		TransferForm form = this.json.readValue(rs.getString("form_json"), TransferForm.class);
		Timestamp submittedAt = rs.getTimestamp("submitted_at");
		return new Draft(rs.getString("id"), rs.getString("subject"), rs.getString("username"), rs.getString("status"),
				form, rs.getString("submission_id"), rs.getString("task_id"), rs.getInt("consent_trips"),
				rs.getString("message"), rs.getTimestamp("created_at").toInstant(),
				(submittedAt != null) ? submittedAt.toInstant() : null);
	}

	private static String limit(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
