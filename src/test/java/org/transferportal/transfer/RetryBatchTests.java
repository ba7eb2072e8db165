package org.transferportal.transfer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.transferportal.globus.TransferDocument.Item;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retry's batch: written relative to the form's folders where it can be, read back by
 * the form into exactly the items it was written from, whatever their names.
 */
class RetryBatchTests {

	private final FormTranslator translator = new FormTranslator(
			Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

	@Test
	void itemsWithinTheFormsFoldersAreWrittenRelativeOthersAbsolute() {
		List<Item> items = List.of(Item.of("/share/flaky/locked-1.dat", "/~/copy/locked-1.dat", false),
				Item.of("/share/flaky/sub/", "/~/copy/sub/", true),
				Item.of("/share/flaky/nested/x y.csv", "/~/copy/nested/x y.csv", null),
				Item.of("/elsewhere/a.txt", "/~/copy/a.txt", false));

		String batch = RetryBatch.of(items, "/share/flaky/", "/~/copy");

		assertThat(batch).isEqualTo("""
				"locked-1.dat" "locked-1.dat" --no-recursive
				"sub/" "sub/" --recursive
				"nested/x y.csv" "nested/x y.csv"
				"/elsewhere/a.txt" "a.txt" --no-recursive
				""");
	}

	@Test
	void theFormReadsTheBatchBackIntoExactlyTheSameItems() {
		List<Item> items = List.of(
				Item.of("/share/flaky/\"quoted\" \\ name.dat", "/~/copy/\"quoted\" \\ name.dat", false),
				Item.of("/share/flaky/-starts-like-an-option", "/~/copy/-starts-like-an-option", false),
				Item.of("/share/flaky/sub/", "/~/copy/sub/", true),
				Item.of("/share/flaky/unknown", "/~/copy/unknown", null));
		TransferForm original = TransferForm.empty();
		TransferForm form = new TransferForm("6c54cade-bde5-45c1-bdea-f4bd71dba2cc", "/share/flaky/",
				"31ce9ba0-176d-45a5-add3-f37d233ba47d", "/~/copy/", "label", "", "", true, false, false, true, true,
				false, "", true, true, true, "exclude *.tmp", "", "")
			.retrying(RetryBatch.of(items, "/share/flaky/", "/~/copy/"), "Retry: label", true);

		FormTranslator.Result result = this.translator.translate(form);

		assertThat(result.errors()).isEmpty();
		assertThat(result.document().data()).containsExactlyElementsOf(items);
		assertThat(result.document().deleteDestinationExtra()).as("a retry never deletes extra files").isNull();
		assertThat(result.document().skipSourceErrors()).isTrue();
		assertThat(result.document().filterRules()).hasSize(1);
		assertThat(original.syncLevel()).isEmpty();
	}

	@Test
	void aRetryLabelNamesTheOriginalWithinGlobussLimit() {
		assertThat(PreparedTransfers.retryLabel("Nightly", "t-1")).isEqualTo("Retry: Nightly");
		assertThat(PreparedTransfers.retryLabel("  ", "t-1")).isEqualTo("Retry of task t-1");
		assertThat(PreparedTransfers.retryLabel("x".repeat(128), "t-1")).hasSize(128).startsWith("Retry: xxx");
	}

}
