package org.transferportal.collections;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.Bookmark;
import org.transferportal.globus.CollectionList;
import org.transferportal.globus.CollectionSearch;
import org.transferportal.globus.TransferClient;
import org.transferportal.lab.LabProperties;
import org.transferportal.support.RateLimiter;
import org.transferportal.support.SlowDownException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * The picker's searches follow Globus's rules for filter scopes.
 */
class CollectionPickerTests {

	final TransferClient transfer = mock(TransferClient.class);

	final CurrentUser user = mock(CurrentUser.class);

	final CollectionPicker picker = new CollectionPicker(this.user,
			new LabProperties("Lab",
					List.of(new LabProperties.LabCollection(UUID.fromString("1405823f-0597-4a16-b296-46d4f0ae4b15"),
							"Lab Data", "/projects/", false, true)),
					List.of(), List.of(), false, null, true, true),
			new RateLimiter(new RateLimiter.Limits(20, 3, 30), Clock.systemUTC()), Clock.systemUTC());

	CollectionPickerTests() {
		given(this.user.transfer()).willReturn(this.transfer);
		given(this.transfer.searchCollections(any())).willReturn(new CollectionList(List.of(), false, 25, 0));
	}

	@Test
	void aScopeOtherThanAllListsEverythingInItWithoutText() {
		this.picker.search("", "shared-with-me");
		ArgumentCaptor<CollectionSearch> search = ArgumentCaptor.forClass(CollectionSearch.class);
		then(this.transfer).should().searchCollections(search.capture());
		assertThat(search.getValue().scope()).isEqualTo("shared-with-me");
		assertThat(search.getValue().fulltext()).isNull();
	}

	@Test
	void searchingFasterThanTheLimitGetsASlowDownAndAsksGlobusNothingMore() {
		given(this.user.subject()).willReturn("alice");
		for (int i = 0; i < 3; i++) {
			this.picker.search("tutorial", "all");
		}
		assertThatThrownBy(() -> this.picker.search("tutorial", "all")).isInstanceOf(SlowDownException.class);
		then(this.transfer).should(org.mockito.Mockito.times(3)).searchCollections(any());
	}

	@Test
	void searchingAllWithoutTextAsksGlobusNothing() {
		assertThat(this.picker.search(" ", "all")).isEmpty();
		then(this.transfer).should(never()).searchCollections(any());
	}

	@Test
	void anUnknownScopeFallsBackToAll() {
		this.picker.search("tutorial", "everything; drop");
		ArgumentCaptor<CollectionSearch> search = ArgumentCaptor.forClass(CollectionSearch.class);
		then(this.transfer).should().searchCollections(search.capture());
		assertThat(search.getValue().scope()).isEqualTo("all");
	}

	@Test
	void bookmarksAndLabCollectionsBecomeChoices() {
		given(this.transfer.bookmarks()).willReturn(List.of(new Bookmark("b1", "Mine", "c1", "/p/", null)));
		assertThat(this.picker.bookmarks()).extracting(CollectionPicker.Choice::name).containsExactly("Mine");
		assertThat(this.picker.labCollections()).extracting(CollectionPicker.Choice::path)
			.containsExactly("/projects/");
	}

}
