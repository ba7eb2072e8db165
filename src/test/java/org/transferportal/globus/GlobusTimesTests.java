package org.transferportal.globus;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Globus's two timestamp spellings.
 */
class GlobusTimesTests {

	@Test
	void parsesTheListingFormWithASpace() {
		assertThat(GlobusTimes.parse("2023-12-18 16:52:50+00:00"))
			.isEqualTo(OffsetDateTime.of(2023, 12, 18, 16, 52, 50, 0, ZoneOffset.UTC));
	}

	@Test
	void parsesTheTaskFormWithAT() {
		assertThat(GlobusTimes.parse("2022-01-26T19:18:20+00:00"))
			.isEqualTo(OffsetDateTime.of(2022, 1, 26, 19, 18, 20, 0, ZoneOffset.UTC));
	}

	@Test
	void keepsOffsetsAndFractionsOfASecond() {
		assertThat(GlobusTimes.parse("2024-01-02T03:04:05.123456+02:00"))
			.isEqualTo(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123456000, ZoneOffset.ofHours(2)));
	}

	@Test
	void readsATimeWithoutOffsetAsUtc() {
		assertThat(GlobusTimes.parse("2023-12-18 16:52:50"))
			.isEqualTo(OffsetDateTime.of(2023, 12, 18, 16, 52, 50, 0, ZoneOffset.UTC));
	}

	@Test
	void givesNullForNothingOrNonsense() {
		assertThat(GlobusTimes.parse(null)).isNull();
		assertThat(GlobusTimes.parse("  ")).isNull();
		assertThat(GlobusTimes.parse("yesterday")).isNull();
	}

}
