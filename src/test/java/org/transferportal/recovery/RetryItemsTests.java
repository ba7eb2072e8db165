package org.transferportal.recovery;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.transferportal.globus.TransferDocument.Item;
import org.transferportal.tasks.TaskFailures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which items a retry sends: each failed path placed within the original item that holds
 * it (error events name the source or the destination path), each skipped path as Globus
 * reports it, nothing twice and nothing else.
 */
class RetryItemsTests {

	static final List<Item> FOLDER_AND_FILE = List.of(Item.of("/share/flaky/", "/~/copy/", true),
			Item.of("/share/notes.txt", "/~/copy-notes.txt", false));

	@Test
	void aFailedSourcePathInAFolderItemGoesToTheSamePlaceInTheDestinationFolder() {
		assertThat(RetryItems.place("/share/flaky/nested/locked-3.dat", FOLDER_AND_FILE))
			.isEqualTo(Item.of("/share/flaky/nested/locked-3.dat", "/~/copy/nested/locked-3.dat", null));
	}

	@Test
	void aFailedDestinationPathFindsItsSourceInTheSameItem() {
		assertThat(RetryItems.place("/~/copy/nested/x.dat", FOLDER_AND_FILE))
			.isEqualTo(Item.of("/share/flaky/nested/x.dat", "/~/copy/nested/x.dat", null));
	}

	@Test
	void aFailedItemIsSentAgainWhole() {
		assertThat(RetryItems.place("/share/notes.txt", FOLDER_AND_FILE)).isEqualTo(FOLDER_AND_FILE.get(1));
		assertThat(RetryItems.place("/~/copy", FOLDER_AND_FILE)).as("the folder itself, without its slash")
			.isEqualTo(FOLDER_AND_FILE.get(0));
	}

	@Test
	void theItemThatHoldsAPathMostCloselyWins() {
		List<Item> nested = List.of(Item.of("/a/", "/x/", true), Item.of("/a/b/", "/y/", true));

		assertThat(RetryItems.place("/a/b/c.txt", nested)).isEqualTo(Item.of("/a/b/c.txt", "/y/c.txt", null));
		assertThat(RetryItems.place("/a/c.txt", nested)).isEqualTo(Item.of("/a/c.txt", "/x/c.txt", null));
	}

	@Test
	void aPathOutsideEveryItemIsNotPlacedAndAFileItemHoldsNothing() {
		assertThat(RetryItems.place("/elsewhere/f.txt", FOLDER_AND_FILE)).isNull();
		assertThat(RetryItems.place("/share/notes.txt/inner", FOLDER_AND_FILE)).isNull();
		assertThat(RetryItems.place("/share/flakyother/f.txt", FOLDER_AND_FILE)).as("a prefix, not a folder").isNull();
	}

	@Test
	void theRetryHasEachFailedAndSkippedPathOnceAndCountsWhatItLeftOut() {
		TaskFailures.Failures failures = new TaskFailures.Failures(null,
				List.of("/share/flaky/locked-1.dat", "/~/copy/locked-1.dat", "/elsewhere/x"),
				List.of(new TaskFailures.Skipped("/share/flaky/vanished-1.csv", "/~/copy/vanished-1.csv", false),
						new TaskFailures.Skipped("/share/flaky/locked-1.dat", "/~/copy/locked-1.dat", false),
						new TaskFailures.Skipped("/share/flaky/sub/", "/~/copy/sub/", true)),
				true);

		RetryItems retry = RetryItems.of(failures, FOLDER_AND_FILE);

		assertThat(retry.items()).containsExactly(Item.of("/share/flaky/locked-1.dat", "/~/copy/locked-1.dat", null),
				Item.of("/share/flaky/vanished-1.csv", "/~/copy/vanished-1.csv", false),
				Item.of("/share/flaky/sub/", "/~/copy/sub/", true));
		assertThat(retry.failed()).isEqualTo(1);
		assertThat(retry.skipped()).isEqualTo(2);
		assertThat(retry.unplaced()).isEqualTo(1);
		assertThat(retry.described()).isEqualTo("1 path that failed and 2 that were skipped");
	}

	@Test
	void aSkippedPathGoesWhereTheOriginalPutItNotWhereTheStorageResolvedIt() {
		TaskFailures.Failures failures = new TaskFailures.Failures(null, List.of(),
				List.of(new TaskFailures.Skipped("/share/flaky/locked-1.dat", "/home/carol/copy/locked-1.dat", false),
						new TaskFailures.Skipped("/other/x.dat", "/home/carol/x.dat", false)),
				true);

		assertThat(RetryItems.of(failures, FOLDER_AND_FILE).items()).containsExactly(
				Item.of("/share/flaky/locked-1.dat", "/~/copy/locked-1.dat", false),
				Item.of("/other/x.dat", "/home/carol/x.dat", false));
	}

	@Test
	void skippedPathsAloneAreDescribedAsSuch() {
		TaskFailures.Failures failures = new TaskFailures.Failures(null, List.of(),
				List.of(new TaskFailures.Skipped("/a", "/b", false)), true);

		assertThat(RetryItems.of(failures, FOLDER_AND_FILE).described()).isEqualTo("1 path that was skipped");
	}

}
