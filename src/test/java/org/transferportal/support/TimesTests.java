package org.transferportal.support;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times for people: to the second, in the portal's zone, UTC for machines, relative in
 * lists.
 */
class TimesTests {

	static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	final Times utc = new Times(ZoneOffset.UTC, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aTimeWithNanosecondsIsShownToTheSecondWithItsZone() {
		Instant audit = Instant.parse("2026-11-30T02:34:20.399349Z");
		assertThat(this.utc.text(audit)).isEqualTo("2026-11-30 02:34:20 UTC");
		assertThat(this.utc.iso(audit)).isEqualTo("2026-11-30T02:34:20Z");
	}

	@Test
	void theLabsZoneIsUsedForTextWhileMachinesKeepUtc() {
		Times chicago = new Times(ZoneId.of("America/Chicago"), Clock.fixed(NOW, ZoneOffset.UTC));
		Instant time = Instant.parse("2026-11-30T02:34:20Z");
		assertThat(chicago.text(time)).isEqualTo("2026-11-29 20:34:20 CST");
		assertThat(chicago.utc(time)).isEqualTo("2026-11-30 02:34:20 UTC");
		assertThat(chicago.iso(time)).isEqualTo("2026-11-30T02:34:20Z");
	}

	@Test
	void globusTextsOffsetTimesAndNothingAreAccepted() {
		assertThat(this.utc.text("2023-12-18 16:52:50+00:00")).isEqualTo("2023-12-18 16:52:50 UTC");
		assertThat(this.utc.text("2022-01-26T19:18:20+01:00")).isEqualTo("2022-01-26 18:18:20 UTC");
		assertThat(this.utc.text(OffsetDateTime.parse("2022-01-26T19:18:20Z"))).isEqualTo("2022-01-26 19:18:20 UTC");
		assertThat(this.utc.text(null)).isEmpty();
		assertThat(this.utc.text("not a time")).isEmpty();
	}

	@Test
	void relativeTimesUseTheLargestUnitThatFitsAndADayAfterAWeek() {
		assertThat(this.utc.ago(NOW.minusSeconds(2))).isEqualTo("just now");
		assertThat(this.utc.ago(NOW.minusSeconds(40))).isEqualTo("40 s ago");
		assertThat(this.utc.ago(NOW.minusSeconds(3 * 60 + 59))).isEqualTo("3 min ago");
		assertThat(this.utc.ago(NOW.minusSeconds(5 * 3600))).isEqualTo("5 h ago");
		assertThat(this.utc.ago(NOW.minusSeconds(30 * 3600))).isEqualTo("yesterday");
		assertThat(this.utc.ago(NOW.minusSeconds(4 * 86_400))).isEqualTo("4 days ago");
		assertThat(this.utc.ago(NOW.minusSeconds(30 * 86_400))).isEqualTo("2026-10-31");
		assertThat(this.utc.ago(NOW.plusSeconds(300))).isEqualTo("in 5 min");
	}

}
