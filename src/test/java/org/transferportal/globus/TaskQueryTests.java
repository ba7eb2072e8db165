package org.transferportal.globus;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
	void limitDefaultsTo25AndOffsetIsNeverNegative() {
		TaskQuery none = new TaskQuery(null, null, null, null, null, 0, -5);

		assertThat(none.limit()).isEqualTo(25);
		assertThat(none.offset()).isZero();
	}

	@Test
	void aPageNeverEndsPastTheFirstThousandTasks() {
		TaskQuery huge = new TaskQuery(null, null, null, null, null, 5000, 3);
		TaskQuery last = new TaskQuery(null, null, null, null, null, 25, 990);
		TaskQuery exact = new TaskQuery(null, null, null, null, null, 25, 975);

		assertThat(huge.offset() + huge.limit()).isEqualTo(1000);
		assertThat(last.limit()).isEqualTo(10);
		assertThat(exact.limit()).isEqualTo(25);
	}

	@Test
	void anOffsetAtOrPastTheThousandthTaskIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TaskQuery(null, null, null, null, null, 25, 1000))
			.withMessageContaining("1000");
	}

}
