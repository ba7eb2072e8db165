package org.transferportal.transfer;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transfer form's schedule section: its fields read from a post or a deep link, the
 * messages next to each field for what Globus Timers would refuse, and the checked
 * schedule handed on.
 */
class ScheduleFormTests {

	private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	private static ScheduleForm recurring(String start, String hours, String count, String end) {
		return new ScheduleForm("recurring", start, hours, count, end);
	}

	@Test
	void noScheduleTypeIsAnOrdinaryTransferNowWhateverTheOtherFieldsSay() {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.add("schedule_interval_hours", "not a number");

		ScheduleForm form = ScheduleForm.from(params);

		assertThat(form.isNow()).isTrue();
		assertThat(form.errors(NOW)).isEmpty();
	}

	@Test
	void theFieldsAreReadFromTheRequestsParametersTrimmed() {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.add("schedule_type", " recurring ");
		params.add("schedule_start", "2026-12-01T02:00:00Z");
		params.add("schedule_interval_hours", " 24");
		params.add("schedule_end_count", "30 ");

		ScheduleForm form = ScheduleForm.from(params);

		assertThat(form).isEqualTo(new ScheduleForm("recurring", "2026-12-01T02:00:00Z", "24", "30", ""));
		assertThat(form.startInput()).as("as a datetime-local field shows it").isEqualTo("2026-12-01T02:00");
	}

	@Test
	void anUnknownTypeIsAnsweredNextToTheTypeField() {
		assertThat(new ScheduleForm("weekly", "", "", "", "").errors(NOW)).containsOnlyKeys("schedule_type");
	}

	@Test
	void aOnceScheduleNeedsAStartAndARecurringOneAnInterval() {
		assertThat(new ScheduleForm("once", "", "", "", "").errors(NOW)).containsOnlyKeys("schedule_start");
		assertThat(recurring("", "", "", "").errors(NOW)).containsOnlyKeys("schedule_interval_hours");
	}

	@Test
	void theIntervalIsAWholeNumberOfHoursFromOneToAYear() {
		assertThat(recurring("", "0", "", "").errors(NOW)).containsKey("schedule_interval_hours");
		assertThat(recurring("", "1.5", "", "").errors(NOW)).containsKey("schedule_interval_hours");
		assertThat(recurring("", "8761", "", "").errors(NOW)).containsKey("schedule_interval_hours");
		assertThat(recurring("", "1", "", "").errors(NOW)).isEmpty();
		assertThat(recurring("", "8760", "", "").errors(NOW)).isEmpty();
	}

	@Test
	void aStartMustBeATimeInTheComingYear() {
		assertThat(recurring("tomorrow", "24", "", "").errors(NOW).get("schedule_start")).contains("date and time");
		assertThat(recurring("2026-11-30T11:00", "24", "", "").errors(NOW).get("schedule_start")).contains("passed");
		assertThat(recurring("2027-12-01T00:00", "24", "", "").errors(NOW).get("schedule_start"))
			.contains("within a year");
		assertThat(recurring("2026-11-30T11:59", "24", "", "").errors(NOW)).as("a form that took a while to fill")
			.isEmpty();
	}

	@Test
	void aRecurringScheduleEndsAfterANumberOfRunsOrAtATimeAfterItsStartNotBoth() {
		assertThat(recurring("", "24", "0", "").errors(NOW)).containsOnlyKeys("schedule_end_count");
		assertThat(recurring("", "24", "3", "2027-01-01T00:00").errors(NOW)).containsOnlyKeys("schedule_end");
		assertThat(recurring("2026-12-10T00:00", "24", "", "2026-12-05T00:00").errors(NOW).get("schedule_end"))
			.contains("after the start");
	}

	@Test
	void theCheckedScheduleCarriesItsTimesInUtcAndAStartJustPassedMeansNow() {
		Schedule nightly = recurring("2026-12-01 02:00", "24", "", "2027-01-01T00:00+01:00").schedule(NOW);
		assertThat(nightly).isEqualTo(new Schedule(true, Instant.parse("2026-12-01T02:00:00Z"), 24, null,
				Instant.parse("2026-12-31T23:00:00Z")));
		assertThat(nightly.intervalSeconds()).isEqualTo(86400);

		assertThat(recurring("2026-11-30T11:59", "24", "", "").schedule(NOW).start()).isNull();
	}

	@Test
	void aRecurringScheduleOfOneRunIsAScheduleThatRunsOnce() {
		assertThat(recurring("2026-12-01T02:00", "24", "1", "").schedule(NOW))
			.isEqualTo(Schedule.once(Instant.parse("2026-12-01T02:00:00Z")));
	}

}
