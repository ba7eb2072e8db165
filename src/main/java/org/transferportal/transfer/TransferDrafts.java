package org.transferportal.transfer;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import org.transferportal.globus.TransferDocument;

/**
 * Transfer requests in the database: the draft from the form's first post, kept with its
 * submission id, and then the record of what was submitted.
 */
@Repository
class TransferDrafts {

	static final String OPEN = RequestStatus.OPEN;

	static final String SUBMITTED = RequestStatus.SUBMITTED;

	/** The task type of the requests kept here ({@code transfer_request.task_type}). */
	static final String TRANSFER = "TRANSFER";

	static final String SCHEDULED = RequestStatus.SCHEDULED;

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
	 * @param schedule the schedule section as last entered, or {@code null} when it was
	 * never given
	 * @param scheduleId the schedule at Globus Timers, once created
	 */
	record Draft(String id, String subject, String username, String status, TransferForm form, String submissionId,
			String taskId, int consentTrips, String message, java.time.Instant createdAt, java.time.Instant submittedAt,
			ScheduleForm schedule, String scheduleId) {

		/** A request that never asked for a schedule. */
		Draft(String id, String subject, String username, String status, TransferForm form, String submissionId,
				String taskId, int consentTrips, String message, java.time.Instant createdAt,
				java.time.Instant submittedAt) {
			this(id, subject, username, status, form, submissionId, taskId, consentTrips, message, createdAt,
					submittedAt, null, null);
		}

		boolean submitted() {
			return SUBMITTED.equals(this.status);
		}

		boolean scheduled() {
			return SCHEDULED.equals(this.status);
		}

		/** Whether the draft asks for a schedule rather than a transfer now. */
		boolean asksForSchedule() {
			return this.schedule != null && !this.schedule.isNow();
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

	/**
	 * Creates a draft with a chosen id; a second create with the same id fails with
	 * {@link org.springframework.dao.DuplicateKeyException}.
	 */
	Draft create(String id, String subject, String username, TransferForm form) {
		Timestamp now = Timestamp.from(this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
		this.jdbc.sql("""
				insert into transfer_request (id, subject, username, status, form_json, consent_trips, created_at,
				  updated_at) values (?, ?, ?, ?, ?, 0, ?, ?)""")
			.params(id, subject, username, OPEN, this.json.writeValueAsString(form), now, now)
			.update();
		// The row as inserted, without reading it back (one statement less per click);
		// the time to the microsecond, as the database keeps it.
		return new Draft(id, subject, username, OPEN, form, null, null, 0, null, now.toInstant(), null);
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

	/**
	 * Keeps the form as last entered, to show it again. Only the form: the columns the
	 * audit and the history read (label, collections) are written when Globus accepts the
	 * request, from the checked document, never from unchecked text.
	 */
	void saveForm(String id, TransferForm form, String message) {
		this.jdbc
			.sql("update transfer_request set form_json = ?, message = ?, updated_at = ? where id = ? and status = ?")
			.params(this.json.writeValueAsString(form), message, Timestamp.from(this.clock.instant()), id, OPEN)
			.update();
	}

	/**
	 * Keeps the schedule section with an open draft, for its consent trip and its form.
	 */
	void saveSchedule(String id, ScheduleForm schedule) {
		this.jdbc.sql("update transfer_request set schedule_json = ? where id = ? and status = ?")
			.params(this.json.writeValueAsString(schedule), id, OPEN)
			.update();
	}

	/**
	 * Records that Globus Timers has the draft as this schedule; only the first call
	 * records.
	 */
	void markScheduled(String id, String scheduleId) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				update transfer_request set status = ?, schedule_id = ?, message = null, submitted_at = ?,
				  updated_at = ? where id = ? and status = ?""")
			.params(SCHEDULED, scheduleId, now, now, id, OPEN)
			.update();
	}

	/** A draft whoever it belongs to, for work done without its owner at the keyboard. */
	Optional<Draft> findAny(String id) {
		return this.jdbc.sql("select * from transfer_request where id = ?").param(id).query(this::map).optional();
	}

	/**
	 * Records one run of a schedule as a submitted request of the schedule's owner, with
	 * the schedule's form and items; only the first of racing calls records.
	 * @return whether this call recorded it
	 */
	boolean recordRun(String id, Draft schedule, String taskId, java.time.Instant at, String label,
			List<TransferDocument.Item> items) {
		Timestamp when = Timestamp.from(at);
		Boolean recorded = this.transactions.execute((status) -> {
			try {
				this.jdbc.sql("""
						insert into transfer_request (id, subject, username, status, source_collection,
						  destination_collection, label, form_json, task_id, consent_trips, created_at, updated_at,
						  submitted_at, schedule_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")
					.params(id, schedule.subject(), schedule.username(), SUBMITTED,
							limit(schedule.form().sourceCollection(), 36),
							limit(schedule.form().destinationCollection(), 36), limit(label, 128),
							this.json.writeValueAsString(schedule.form()), taskId, when, when, when,
							schedule.scheduleId())
					.update();
			}
			catch (org.springframework.dao.DuplicateKeyException ex) {
				return false;
			}
			this.items.insert(id, items);
			return true;
		});
		return Boolean.TRUE.equals(recorded);
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
		int kept = this.jdbc.sql("update transfer_request set submission_id = ? where id = ? and submission_id is null")
			.params(submissionId, id)
			.update();
		if (kept == 1) {
			return submissionId;
		}
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
	 * Records that Globus accepted the draft as this task: its label and collections as
	 * the checked document says them, with the items it was given (kept searchable for
	 * the lab history). Only the first of racing calls records.
	 */
	void markSubmitted(String id, String taskId, TransferDocument document) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.transactions.executeWithoutResult((status) -> {
			int marked = this.jdbc.sql("""
					update transfer_request set status = ?, task_id = ?, source_collection = ?,
					  destination_collection = ?, label = ?, message = null, submitted_at = ?, updated_at = ?
					  where id = ? and status = ?""")
				.params(SUBMITTED, taskId, document.sourceEndpoint(), document.destinationEndpoint(), document.label(),
						now, now, id, OPEN)
				.update();
			if (marked == 1) {
				this.items.insert(id, document.data());
			}
		});
	}

	private Draft map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		TransferForm form = this.json.readValue(rs.getString("form_json"), TransferForm.class);
		Timestamp submittedAt = rs.getTimestamp("submitted_at");
		String schedule = rs.getString("schedule_json");
		return new Draft(rs.getString("id"), rs.getString("subject"), rs.getString("username"), rs.getString("status"),
				form, rs.getString("submission_id"), rs.getString("task_id"), rs.getInt("consent_trips"),
				rs.getString("message"), rs.getTimestamp("created_at").toInstant(),
				(submittedAt != null) ? submittedAt.toInstant() : null,
				(schedule != null) ? this.json.readValue(schedule, ScheduleForm.class) : null,
				rs.getString("schedule_id"));
	}

	private static String limit(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
