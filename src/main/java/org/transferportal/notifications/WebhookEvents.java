package org.transferportal.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which event types go to the lab webhook: chosen by an admin on the deliveries page
 * (kept in {@code notification_setting}, shared by every instance), the configured
 * default until then.
 */
@Repository
class WebhookEvents {

	private static final String SETTING = "webhook.events";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Set<EventType> defaults;

	WebhookEvents(JdbcClient jdbc, Clock clock, NotificationProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.defaults = properties.webhook()
			.events()
			.stream()
			.map(EventType::fromWire)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));
	}

	Set<EventType> chosen() {
		return this.jdbc.sql("select setting_value from notification_setting where setting = ?")
			.param(SETTING)
			.query(String.class)
			.optional()
			.map(WebhookEvents::parse)
			.orElse(this.defaults);
	}

	void choose(Set<EventType> types, String admin) {
		String value = types.stream().map(EventType::wire).sorted().collect(Collectors.joining(","));
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				insert into notification_setting (setting, setting_value, updated_by, updated_at) values (?, ?, ?, ?)
				  on conflict do nothing""").params(SETTING, value, admin, now).update();
		this.jdbc
			.sql("update notification_setting set setting_value = ?, updated_by = ?, updated_at = ? where setting = ?")
			.params(value, admin, now, SETTING)
			.update();
	}

	private static Set<EventType> parse(String value) {
		Set<EventType> types = EnumSet.noneOf(EventType.class);
		Arrays.stream(value.split(",")).filter((name) -> !name.isBlank()).forEach((name) -> {
			try {
				types.add(EventType.fromWire(name.strip()));
			}
			catch (IllegalArgumentException ex) {
				// A type a later version no longer knows: nothing to send for it.
			}
		});
		return types;
	}

}
