package org.transferportal.globus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports whether Globus Auth and Transfer answer. Checked at most every 30 seconds, so
 * that health probes never load Globus; kept out of the liveness group, because a Globus
 * outage is no reason to restart the portal.
 */
@Component("globus")
class GlobusHealthIndicator implements HealthIndicator {

	private static final Duration CACHE = Duration.ofSeconds(30);

	private record Checked(boolean reachable, Instant at) {
	}

	private final GlobusClients clients;

	private final GlobusProperties properties;

	private final Clock clock;

	private final AtomicReference<Checked> last = new AtomicReference<>();

	GlobusHealthIndicator(GlobusClients clients, GlobusProperties properties, Clock clock) {
		this.clients = clients;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Instant now = this.clock.instant();
		Checked checked = this.last.get();
		if (checked == null || checked.at().plus(CACHE).isBefore(now)) {
			checked = new Checked(this.clients.reachable(), now);
			this.last.set(checked);
		}
		Health.Builder health = checked.reachable() ? Health.up() : Health.down();
		return health.withDetail("auth", this.properties.authBaseUrl())
			.withDetail("transfer", this.properties.transferApiUrl())
			.withDetail("checkedAt", checked.at().toString())
			.build();
	}

}
