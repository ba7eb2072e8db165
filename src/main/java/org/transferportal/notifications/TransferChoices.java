package org.transferportal.notifications;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.transferportal.transfer.RequestStatus;

/**
 * The per-transfer e-mail choices of the transfer form ({@code notification_choice}),
 * kept by draft so that they survive a consent trip and apply when the task ends.
 */
@Repository
class TransferChoices {

	private final JdbcClient jdbc;

	private final Clock clock;

	TransferChoices(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Keeps the choice for the user's own open draft; a draft of someone else's, or one
	 * already submitted, is left alone.
	 */
	void save(String requestId, String subject, TransferChoice choice) {
		Integer open = this.jdbc
			.sql("select count(*) from transfer_request where id = ? and subject = ? and status = ?")
			.params(requestId, subject, RequestStatus.OPEN)
			.query(Integer.class)
			.single();
		if (open == 0) {
			return;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				insert into notification_choice (request_id, subject, choice, updated_at) values (?, ?, ?, ?)
				  on conflict do nothing""").params(requestId, subject, choice.name(), now).update();
		this.jdbc.sql("update notification_choice set choice = ?, updated_at = ? where request_id = ? and subject = ?")
			.params(choice.name(), now, requestId, subject)
			.update();
	}

	/** The choice made for the user's request, {@link TransferChoice#ACCOUNT} if none. */
	TransferChoice of(String requestId, String subject) {
		if (requestId == null) {
			return TransferChoice.ACCOUNT;
		}
		return this.jdbc.sql("select choice from notification_choice where request_id = ? and subject = ?")
			.params(requestId, subject)
			.query(String.class)
			.optional()
			.map(TransferChoice::valueOf)
			.orElse(TransferChoice.ACCOUNT);
	}

}
