package org.transferportal.audit;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a history search as typed: collections by the lab's name or by id, statuses,
 * UTC days, and a clear message for anything that cannot be read.
 */
class HistoryQueryTests {

	static final String LAB_DATA = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	static final Map<String, String> LAB = Map.of(LAB_DATA, "Lab Data (mapped)");

	@Test
	void aCollectionIsChosenByItsLabNameInAnyCaseOrByAPastedId() {
		assertThat(query("", "lab data (MAPPED)", "", "", "").read(LAB).filter().collection()).isEqualTo(LAB_DATA);
		assertThat(query("", LAB_DATA.toUpperCase(), "", "", "").read(LAB).filter().collection()).isEqualTo(LAB_DATA);
		HistoryQuery.Read unknown = query("", "Lab", "", "", "").read(LAB);
		assertThat(unknown.valid()).isFalse();
		assertThat(unknown.errors().get("collection")).contains("No lab collection is called “Lab”");
	}

	@Test
	void textAndUserAreMatchedInLowerCaseAndDatesAreUtcDays() {
		HistoryFilter filter = query("  Run-042 ", "", "ACTIVE", "2026-03-01", "2026-03-31").read(LAB).filter();
		assertThat(filter.text()).isEqualTo("run-042");
		assertThat(filter.status()).isEqualTo("ACTIVE");
		assertThat(filter.from()).isEqualTo(LocalDate.parse("2026-03-01"));
		assertThat(filter.to()).isEqualTo(LocalDate.parse("2026-03-31"));
		assertThat(new HistoryQuery(null, null, " Bob@UChicago.edu ", null, null, null, 1).read(LAB).filter().user())
			.isEqualTo("bob@uchicago.edu");
	}

	@Test
	void unreadableInputGivesAMessagePerFieldAndKeepsWhatWasTyped() {
		HistoryQuery query = query("x".repeat(201), "", "DONE", "yesterday", "2026-01-01");
		HistoryQuery.Read read = query.read(LAB);
		assertThat(read.errors()).containsOnlyKeys("q", "status", "from");
		assertThat(query.from()).isEqualTo("yesterday");
		assertThat(query("", "", "", "2026-02-01", "2026-01-01").read(LAB).errors().get("from"))
			.isEqualTo("The first day must not be after the last day");
	}

	@Test
	void pagesStayWithinBounds() {
		assertThat(new HistoryQuery(null, null, null, null, null, null, -3).page()).isEqualTo(1);
		assertThat(new HistoryQuery(null, null, null, null, null, null, Integer.MAX_VALUE).page())
			.isEqualTo(HistoryQuery.MAX_PAGE);
		assertThat(new HistoryQuery(null, null, null, null, null, null, 1).filtered()).isFalse();
	}

	private static HistoryQuery query(String q, String collection, String status, String from, String to) {
		return new HistoryQuery(q, collection, null, status, from, to, 1);
	}

}
