package org.transferportal.schedules;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The portal's schedules in {@code transfer_schedule}: first the key that makes a draft's
 * schedule get created once at Globus Timers (claimed by one attempt at a time, with a
 * mark that goes into the timer's name), then the record of the schedule made, which the
 * owner's pages and the background watcher keep current.
 */
@Repository
class ScheduleStore {

	static final String OPEN = "OPEN";

	static final String CREATING = "CREATING";

	static final String CREATED = "CREATED";

	/** Timers' statuses after which a schedule never runs again. */
	static final List<String> OVER = List.of("ended", "deleted", "delete_in_progress");

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * One schedule (or the attempt to make it).
	 *
	 * @param draftId the draft it was made from
	 * @param subject its owner's Globus identity
	 * @param username its owner's Globus username
	 * @param marker the mark in its name at Timers
	 * @param state {@link #OPEN}, {@link #CREATING} or {@link #CREATED}
	 * @param attempts how many attempts were claimed
	 * @param timerId its id at Timers, once created
	 * @param name its name as the portal gave it
	 * @param sourceCollection its source collection
	 * @param destinationCollection its destination collection
	 * @param timerStatus its status at Timers, as last seen
	 * @param inactiveCause why it is inactive, as last seen
	 * @param checkedAt when the watcher last took it
	 */
	record Row(String draftId, String subject, String username, String marker, String state, int attempts,
			String timerId, String name, String sourceCollection, String destinationCollection, String timerStatus,
			String inactiveCause, Timestamp checkedAt) {

		boolean created() {
			return CREATED.equals(this.state);
		}

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	ScheduleStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The draft's row, made on its first attempt with a fresh mark; a row not created yet
	 * takes the name and collections of the latest attempt (the user may have changed the
	 * form after a failure).
	 */
	Row open(String draftId, String subject, String username, String name, String source, String destination) {
		Timestamp now = now();
		try {
			this.jdbc.sql("""
					insert into transfer_schedule (draft_id, subject, username, marker, state, attempts, name,
					  source_collection, destination_collection, created_at, updated_at)
					values (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)""")
				.params(draftId, subject, username, newMarker(), OPEN, name, source, destination, now, now)
				.update();
		}
		catch (DuplicateKeyException ex) {
			this.jdbc.sql("""
					update transfer_schedule set name = ?, source_collection = ?, destination_collection = ?,
					  updated_at = ? where draft_id = ? and state <> ?""")
				.params(name, source, destination, now, draftId, CREATED)
				.update();
		}
		return find(draftId).orElseThrow();
	}

	Optional<Row> find(String draftId) {
		return this.jdbc.sql("select * from transfer_schedule where draft_id = ?")
			.param(draftId)
			.query(ScheduleStore::map)
			.optional();
	}

	/** The owner's schedule with this timer id, if the portal made it. */
	Optional<Row> findByTimer(String timerId, String subject) {
		return this.jdbc.sql("select * from transfer_schedule where timer_id = ? and subject = ?")
			.params(timerId, subject)
			.query(ScheduleStore::map)
			.optional();
	}

	/** The schedules the portal made for the user. */
	List<Row> ownedBy(String subject) {
		return this.jdbc.sql("select * from transfer_schedule where subject = ? and state = ?")
			.params(subject, CREATED)
			.query(ScheduleStore::map)
			.list();
	}

	/**
	 * Takes the draft's creation for this attempt: succeeds for one attempt at a time,
	 * even across instances; an attempt that claimed it before {@code staleBefore} and
	 * never came back (its instance stopped) is taken over.
	 */
	boolean claim(String draftId, Instant staleBefore) {
		Timestamp now = now();
		return this.jdbc.sql("""
				update transfer_schedule set state = ?, claimed_at = ?, attempts = attempts + 1, updated_at = ?
				  where draft_id = ? and (state = ? or (state = ? and claimed_at < ?))""")
			.params(CREATING, now, now, draftId, OPEN, CREATING, Timestamp.from(staleBefore))
			.update() == 1;
	}

	/** Hands the draft back after an attempt that created nothing. */
	void release(String draftId) {
		this.jdbc
			.sql("update transfer_schedule set state = ?, claimed_at = null, updated_at = ? where draft_id = ? "
					+ "and state = ?")
			.params(OPEN, now(), draftId, CREATING)
			.update();
	}

	/** Records the timer the draft became. */
	void created(String draftId, String timerId, String status) {
		this.jdbc.sql("""
				update transfer_schedule set state = ?, timer_id = ?, timer_status = ?, status_seen_at = ?,
				  claimed_at = null, updated_at = ? where draft_id = ? and state <> ?""")
			.params(CREATED, timerId, status, now(), now(), draftId, CREATED)
			.update();
	}

	/**
	 * Records a schedule's status as seen now.
	 * @return whether it just became inactive for this cause (it was not before)
	 */
	boolean seen(String timerId, String status, String inactiveCause) {
		Timestamp now = now();
		boolean stopped = "inactive".equals(status) && this.jdbc.sql("""
				update transfer_schedule set timer_status = ?, inactive_cause = ?, status_seen_at = ?, updated_at = ?
				  where timer_id = ? and (timer_status is null or timer_status <> ? or inactive_cause is null
				    or inactive_cause <> ?)""")
			.params(status, inactiveCause, now, now, timerId, status, inactiveCause)
			.update() == 1;
		if (!stopped) {
			this.jdbc.sql("""
					update transfer_schedule set timer_status = ?, inactive_cause = ?, status_seen_at = ?,
					  updated_at = ? where timer_id = ?""").params(status, inactiveCause, now, now, timerId).update();
		}
		return stopped;
	}

	/**
	 * Created schedules that may still run and were not checked since {@code before},
	 * oldest check first.
	 */
	List<Row> due(Instant before, int limit) {
		return this.jdbc.sql("""
				select * from transfer_schedule where state = :created
				  and (timer_status is null or timer_status not in (:over))
				  and (checked_at is null or checked_at < :before)
				  order by checked_at nulls first, created_at limit :limit""")
			.param("created", CREATED)
			.param("over", OVER)
			.param("before", Timestamp.from(before))
			.param("limit", limit)
			.query(ScheduleStore::map)
			.list();
	}

	/** Takes a due check for this instance: one of several instances wins it. */
	boolean claimCheck(Row row) {
		Timestamp now = now();
		if (row.checkedAt() == null) {
			return this.jdbc
				.sql("update transfer_schedule set checked_at = ? where draft_id = ? and checked_at is null")
				.params(now, row.draftId())
				.update() == 1;
		}
		return this.jdbc.sql("update transfer_schedule set checked_at = ? where draft_id = ? and checked_at = ?")
			.params(now, row.draftId(), row.checkedAt())
			.update() == 1;
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	/**
	 * Twelve random hex digits: unique enough among one user's timers, short in a name.
	 */
	private static String newMarker() {
		byte[] bytes = new byte[6];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getString("draft_id"), rs.getString("subject"), rs.getString("username"),
				rs.getString("marker"), rs.getString("state"), rs.getInt("attempts"), rs.getString("timer_id"),
				rs.getString("name"), rs.getString("source_collection"), rs.getString("destination_collection"),
				rs.getString("timer_status"), rs.getString("inactive_cause"), rs.getTimestamp("checked_at"));
	}

}
