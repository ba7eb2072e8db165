package org.transferportal.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The people the portal may e-mail ({@code notification_recipient}): the address Globus
 * gave at their last login, the portal address they came through, and their preferences.
 * Every instance reads the same rows.
 */
@Repository
class Recipients {

	/**
	 * One user.
	 *
	 * @param subject Globus identity id
	 * @param username Globus username
	 * @param email where to e-mail them, or {@code null}
	 * @param portalUrl the portal address of their last login, or {@code null}
	 * @param preferences what they want e-mailed
	 */
	record Recipient(String subject, String username, String email, String portalUrl, Preferences preferences) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	Recipients(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<Recipient> find(String subject) {
		return this.jdbc.sql("select * from notification_recipient where subject = ?")
			.param(subject)
			.query((rs, row) -> new Recipient(rs.getString("subject"), rs.getString("username"), rs.getString("email"),
					rs.getString("portal_url"),
					new Preferences(Preferences.Success.valueOf(rs.getString("on_success")),
							rs.getBoolean("on_failure"), rs.getBoolean("on_inactive"))))
			.optional();
	}

	/** Keeps who the user is and where to reach them; their preferences stay. */
	void noteAddress(String subject, String username, String email, String portalUrl) {
		Timestamp now = Timestamp.from(this.clock.instant());
		ensure(subject, now);
		this.jdbc.sql("""
				update notification_recipient set username = ?, email = ?,
				  portal_url = coalesce(?, portal_url), updated_at = ? where subject = ?""")
			.params(username, email, portalUrl, now, subject)
			.update();
	}

	void savePreferences(String subject, Preferences preferences) {
		Timestamp now = Timestamp.from(this.clock.instant());
		ensure(subject, now);
		this.jdbc.sql("""
				update notification_recipient set on_success = ?, on_failure = ?, on_inactive = ?, updated_at = ?
				  where subject = ?""")
			.params(preferences.onSuccess().name(), preferences.onFailure(), preferences.onInactive(), now, subject)
			.update();
	}

	/** Makes the user's row (with default preferences) if it is missing. */
	private void ensure(String subject, Timestamp now) {
		this.jdbc.sql("insert into notification_recipient (subject, updated_at) values (?, ?) on conflict do nothing")
			.params(subject, now)
			.update();
	}

}
