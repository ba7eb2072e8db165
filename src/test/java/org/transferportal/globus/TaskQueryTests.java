package org.transferportal.globus;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task list's {@code filter} parameter and paging limits.
 */
class TaskQueryTests {

	@Test
	void filterOfNoConditionsIsEmpty() {
		assertThat(new TaskQuery(null, null, null, null, null, 0, 0).filter()).isEmpty();
	}

	@Test
	void filterJoinsValuesWithCommasAndFieldsWithSlashes() {
		TaskQuery query = new TaskQuery(List.of("ACTIVE", "INACTIVE"), List.of("t1", "t2"), "TRANSFER",
				"2024-01-01T00:00:00+00:00", "2024-02-01T00:00:00+00:00", 10, 0);

		assertThat(query.filter()).isEqualTo("status:ACTIVE,INACTIVE/task_id:t1,t2/type:TRANSFER"
				+ "/request_time:2024-01-01T00:00:00+00:00,2024-02-01T00:00:00+00:00");
	}

	@Test
	void filterOfAnOpenTimeRangeLeavesOneSideEmpty() {
		assertThat(new TaskQuery(null, null, null, "2024-01-01", null, 0, 0).filter())
			.isEqualTo("request_time:2024-01-01,");
		assertThat(new TaskQuery(null, null, null, null, "2024-01-01", 0, 0).filter())
			.isEqualTo("request_time:,2024-01-01");
	}

	@Test
	void filterOfOneTypeIsJustTheType() {
		assertThat(new TaskQuery(List.of(), List.of(), "DELETE", null, null, 0, 0).filter()).isEqualTo("type:DELETE");
	}

	@Test
	void limitDefaultsTo25AndStopsAt1000AndOffsetIsNeverNegative() {
		TaskQuery none = new TaskQuery(null, null, null, null, null, 0, -5);
		TaskQuery huge = new TaskQuery(null, null, null, null, null, 5000, 3);

		assertThat(none.limit()).isEqualTo(25);
		assertThat(none.offset()).isZero();
		assertThat(huge.limit()).isEqualTo(1000);
		assertThat(huge.offset()).isEqualTo(3);
	}

}
