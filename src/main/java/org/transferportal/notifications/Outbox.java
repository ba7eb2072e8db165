package org.transferportal.notifications;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * The outbox ({@code notification_outbox}): messages written with the status change they
 * tell of, claimed by one instance at a time for delivery, and their outcome. A claim is
 * a lease: an instance that stops without finishing leaves its claims to expire, and
 * another instance takes them.
 */
@Repository
class Outbox {

	private final JdbcClient jdbc;

	/** PostgreSQL claims with {@code FOR UPDATE SKIP LOCKED}; H2 one row at a time. */
	private final boolean postgres;

	Outbox(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.postgres = isPostgres(dataSource);
	}

	/**
	 * Writes a message, in the caller's transaction; a second message for the same event
	 * and channel is not written.
	 * @return whether it was written
	 */
	boolean add(Message message, String eventKey) {
		return this.jdbc.sql("""
				insert into notification_outbox (id, channel, event_type, event_key, subject, username, recipient,
				  request_id, task_id, label, event_json, status, attempts, next_attempt_at, occurred_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) on conflict do nothing""")
			.params(message.id(), message.channel().name(), message.eventType(), eventKey, message.subject(),
					message.username(), message.recipient(), message.requestId(), message.taskId(),
					limit(message.label(), 128), message.notice(), Message.PENDING,
					Timestamp.from(message.nextAttemptAt()), Timestamp.from(message.occurredAt()),
					Timestamp.from(message.createdAt()))
			.update() == 1;
	}

	/**
	 * Takes up to {@code limit} due messages of a channel for this instance until
	 * {@code until}; no other instance gets them meanwhile.
	 */
	List<Message> claim(Channel channel, String instance, Instant now, Instant until, int limit) {
		List<String> ids;
		if (this.postgres) {
			ids = this.jdbc.sql("""
					update notification_outbox set claimed_by = ?, claimed_until = ?
					  where id in (select id from notification_outbox
					    where status = 'PENDING' and channel = ? and next_attempt_at <= ?
					      and (claimed_until is null or claimed_until < ?)
					    order by next_attempt_at limit ? for update skip locked)
					returning id""")
				.params(instance, Timestamp.from(until), channel.name(), Timestamp.from(now), Timestamp.from(now),
						limit)
				.query(String.class)
				.list();
		}
		else {
			ids = this.jdbc.sql("""
					select id from notification_outbox where status = 'PENDING' and channel = ? and next_attempt_at <= ?
					  and (claimed_until is null or claimed_until < ?) order by next_attempt_at limit ?""")
				.params(channel.name(), Timestamp.from(now), Timestamp.from(now), limit)
				.query(String.class)
				.list()
				.stream()
				.filter((id) -> this.jdbc.sql("""
						update notification_outbox set claimed_by = ?, claimed_until = ?
						  where id = ? and status = 'PENDING' and (claimed_until is null or claimed_until < ?)""")
					.params(instance, Timestamp.from(until), id, Timestamp.from(now))
					.update() == 1)
				.toList();
		}
		return ids.stream().map(this::find).flatMap(Optional::stream).toList();
	}

	Optional<Message> find(String id) {
		return this.jdbc.sql("select * from notification_outbox where id = ?").param(id).query(Outbox::map).optional();
	}

	/** Keeps what will be sent on every attempt: the webhook body, or the e-mail. */
	void prepared(String id, String body, String mailSubject, String mailHtml) {
		this.jdbc.sql(
				"update notification_outbox set body = ?, mail_subject = ?, mail_html = ? where id = ? and body is null")
			.params(body, limit(mailSubject, 400), mailHtml, id)
			.update();
	}

	/**
	 * Ends a claimed message as sent, kept or dead (only if this instance still holds
	 * it).
	 */
	boolean finish(String id, String instance, String status, int attempts, String error, Instant now) {
		return this.jdbc.sql("""
				update notification_outbox set status = ?, attempts = ?, last_error = ?, finished_at = ?,
				  claimed_by = null, claimed_until = null where id = ? and claimed_by = ? and status = 'PENDING'""")
			.params(status, attempts, limit(error, 1000), Timestamp.from(now), id, instance)
			.update() == 1;
	}

	/** Puts a claimed message back for another attempt at {@code next}. */
	boolean again(String id, String instance, int attempts, String error, Instant next) {
		return this.jdbc.sql("""
				update notification_outbox set attempts = ?, last_error = ?, next_attempt_at = ?,
				  claimed_by = null, claimed_until = null where id = ? and claimed_by = ? and status = 'PENDING'""")
			.params(attempts, limit(error, 1000), Timestamp.from(next), id, instance)
			.update() == 1;
	}

	/** Gives back claims this instance has not started on (it is stopping). */
	void release(List<String> ids, String instance) {
		for (String id : ids) {
			this.jdbc.sql("""
					update notification_outbox set claimed_by = null, claimed_until = null
					  where id = ? and claimed_by = ? and status = 'PENDING'""").params(id, instance).update();
		}
	}

	/**
	 * An admin's "retry now": a dead message, or one waiting for its next attempt, is due
	 * at once with a fresh round of attempts (same id).
	 * @return whether there was such a message
	 */
	boolean retryNow(String id, Instant now) {
		return this.jdbc.sql("""
				update notification_outbox set status = 'PENDING', attempts = 0, next_attempt_at = ?, finished_at = null
				  where id = ? and (status = 'DEAD' or (status = 'PENDING' and attempts > 0))""")
			.params(Timestamp.from(now), id)
			.update() == 1;
	}

	/** One user's e-mails, newest first. */
	List<Message> emailsOf(String subject, int limit) {
		return this.jdbc.sql("""
				select * from notification_outbox where subject = ? and channel = 'EMAIL'
				  order by created_at desc, id limit ?""").params(subject, limit).query(Outbox::map).list();
	}

	/** Messages in these states, newest first. */
	List<Message> withStatus(List<String> statuses, boolean retried, int limit) {
		return this.jdbc.sql("""
				select * from notification_outbox where status in (:statuses) and (:retried = false or attempts > 0)
				  order by created_at desc, id limit :limit""")
			.param("statuses", statuses)
			.param("retried", retried)
			.param("limit", limit)
			.query(Outbox::map)
			.list();
	}

	/** Forgets messages delivered, kept or given up before {@code before}. */
	int purge(Instant before) {
		return this.jdbc
			.sql("delete from notification_outbox where status in ('SENT', 'KEPT', 'DEAD') and finished_at < ?")
			.param(Timestamp.from(before))
			.update();
	}

	private static Message map(ResultSet rs, int row) throws SQLException {
		return new Message(rs.getString("id"), Channel.valueOf(rs.getString("channel")), rs.getString("event_type"),
				rs.getString("subject"), rs.getString("username"), rs.getString("recipient"),
				rs.getString("request_id"), rs.getString("task_id"), rs.getString("label"), rs.getString("event_json"),
				rs.getString("body"), rs.getString("mail_subject"), rs.getString("mail_html"), rs.getString("status"),
				rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
				instant(rs, "occurred_at"), instant(rs, "created_at"), instant(rs, "finished_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static String limit(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	private static boolean isPostgres(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return "PostgreSQL".equalsIgnoreCase(product);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Could not tell which database the outbox is in", ex);
		}
	}

}
