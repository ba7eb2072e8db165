package org.transferportal.audit;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.transferportal.support.Sizes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server-drawn charts' geometry and text, and the ISO weeks they are drawn over.
 */
class ChartTests {

	@Test
	void columnsAreAsTallAsTheirValueOnARoundAxisWithEveryValueInATooltip() {
		Chart chart = Chart.columns("c", "Bytes moved per week", "What moved.", List.of("2020-W53", "2021-W01"),
				List.of(new Chart.Series("Bytes", Chart.BLUE, List.of(300L, 1200L))), Sizes::human);
		assertThat(chart.titleId()).isEqualTo("c-title");
		assertThat(chart.descriptionId()).isEqualTo("c-desc");
		assertThat(chart.bars()).extracting(Chart.Bar::tip).containsExactly("2020-W53: 300 B", "2021-W01: 1.2 kB");
		// The axis tops at 2,000 (the round number above 1,200): 200 px of plot.
		assertThat(chart.bars()).extracting(Chart.Bar::height).containsExactly("30.0", "120.0");
		assertThat(chart.texts()).extracting(Chart.Text::text).contains("2.0 kB", "0 B", "2020-W53", "2021-W01");
		assertThat(chart.legend()).as("one series needs no legend").isEmpty();
	}

	@Test
	void twoSeriesStandSideBySideWithALegend() {
		Chart chart = Chart.columns("c", "t", "d", List.of("w1"), List
			.of(new Chart.Series("Out", Chart.ORANGE, List.of(5L)), new Chart.Series("In", Chart.BLUE, List.of(10L))),
				Long::toString);
		assertThat(chart.bars()).extracting(Chart.Bar::tip).containsExactly("w1, Out: 5", "w1, In: 10");
		assertThat(Double.parseDouble(chart.bars().get(1).x()))
			.isGreaterThan(Double.parseDouble(chart.bars().get(0).x()));
		assertThat(chart.legend()).extracting(Chart.Key::name).containsExactly("Out", "In");
	}

	@Test
	void horizontalBarsAreAsLongAsTheirValueAndLongLabelsAreShortened() {
		String longName = "a-very-long-username-that-goes-on@example.edu";
		Chart chart = Chart.bars("u", "Per user", "d", List.of("alice", longName),
				List.of(new Chart.Series("Bytes", Chart.BLUE, List.of(50L, 100L))), Long::toString);
		assertThat(chart.bars()).extracting(Chart.Bar::width).containsExactly("200.0", "400.0");
		assertThat(chart.bars().get(1).tip()).isEqualTo(longName + ": 100");
		assertThat(chart.texts()).extracting(Chart.Text::text).contains("alice", "a-very-long-username-that-goe…");
	}

	@Test
	void anEmptyChartHasNoBarsTallerThanZero() {
		Chart chart = Chart.columns("c", "t", "d", List.of("w1", "w2"),
				List.of(new Chart.Series("Bytes", Chart.BLUE, List.of(0L, 0L))), Long::toString);
		assertThat(chart.bars()).extracting(Chart.Bar::height).containsOnly("0.0");
	}

	@Test
	void axesEndOnRoundNumbers() {
		assertThat(List.of(0L, 1L, 3L, 7L, 10L, 11L, 21L, 26L, 99L, 1200L, 2600L, 999_999L)).extracting(Chart::roundUp)
			.containsExactly(1L, 1L, 5L, 10L, 10L, 20L, 25L, 50L, 100L, 2000L, 5000L, 1_000_000L);
	}

	@Test
	void isoWeeksCrossYearBoundariesAsTheStandardSays() {
		assertThat(UtcDays.week(LocalDate.parse("2021-01-03"))).isEqualTo("2020-W53");
		assertThat(UtcDays.week(LocalDate.parse("2021-01-04"))).isEqualTo("2021-W01");
		assertThat(UtcDays.week(LocalDate.parse("2025-12-29"))).isEqualTo("2026-W01");
		assertThat(UtcDays.week(LocalDate.parse("2024-12-31"))).isEqualTo("2025-W01");
		assertThat(UtcDays.mondays(LocalDate.parse("2025-12-31"), LocalDate.parse("2026-01-12"))).containsExactly(
				LocalDate.parse("2025-12-29"), LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-12"));
	}

	@Test
	void weeksWithoutTransfersAreShownAsZero() {
		List<UsageReport.Week> weeks = LabUsage.weeks(LocalDate.parse("2025-12-22"), LocalDate.parse("2026-01-11"),
				List.of(new UsageFigures.Day(LocalDate.parse("2026-01-01"), 2, 1, 300, 3),
						new UsageFigures.Day(LocalDate.parse("2025-12-29"), 1, 1, 100, 1)));
		assertThat(weeks).extracting(UsageReport.Week::name).containsExactly("2025-W52", "2026-W01", "2026-W02");
		assertThat(weeks).extracting(UsageReport.Week::bytes).containsExactly(0L, 400L, 0L);
		assertThat(weeks).extracting(UsageReport.Week::tasks).containsExactly(0L, 3L, 0L);
	}

}
