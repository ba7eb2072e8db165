package org.transferportal.browse;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;

import org.transferportal.collections.CollectionPicker;
import org.transferportal.collections.CollectionPicker.Choice;
import org.transferportal.auth.WhatGlobusNeeds;
import org.transferportal.globus.Collection;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.GlobusUnauthorizedException;
import org.transferportal.globus.ListingQuery;
import org.transferportal.support.SlowDownException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * What each pane shows for what Globus answers: never a raw error.
 */
class FileManagerServiceTests {

	static final String LAB = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	final FolderService browse = mock(FolderService.class);

	final CollectionPicker picker = mock(CollectionPicker.class);

	final FileManagerService service = new FileManagerService(this.browse, this.picker);

	@Test
	void emptyPanesOfferTheLabCollectionsAndBookmarks() {
		given(this.picker.labCollections()).willReturn(List.of(new Choice(LAB, "Lab", "/", null, null, null)));
		given(this.picker.bookmarks()).willReturn(List.of(new Choice(LAB, "Mine", "/p/", "b", null, null)));
		FileManagerService.Page page = this.service.open(state(""));
		assertThat(page.left().kind()).isEqualTo("picker");
		assertThat(page.left().labCollections()).hasSize(1);
		assertThat(page.right().bookmarks()).extracting(Choice::name).containsExactly("Mine");
	}

	@Test
	void aGlobusErrorBecomesAProblemInThePaneWithItsRequestId() {
		given(this.browse.open(eq(UUID.fromString(LAB)), any(ListingQuery.class))).willThrow(
				new GlobusApiException(404, "ClientError.NotFound", "Directory '/x/' not found", "req-42", "/ls"));
		FileManagerService.Page page = this.service.open(state(LAB));
		assertThat(page.left().kind()).isEqualTo("problem");
		assertThat(page.left().message()).contains("not found");
		assertThat(page.left().requestId()).isEqualTo("req-42");
	}

	@Test
	void consentIsANoticeInThePane() {
		Collection lab = new Collection(LAB, "Lab Data", Collection.MAPPED, false, false, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null);
		given(this.browse.open(eq(UUID.fromString(LAB)), any(ListingQuery.class)))
			.willReturn(new FolderService.Result.NeedsConsent(lab, WhatGlobusNeeds.consent("Lab Data")));
		FileManagerService.Page page = this.service.open(state(LAB));
		assertThat(page.left().kind()).isEqualTo("consent");
		assertThat(page.left().collectionName()).isEqualTo("Lab Data");
		assertThat(page.left().action()).isEqualTo("Allow access to Lab Data");
	}

	@Test
	void refusedTokensStillLeadToALoginRatherThanAnInlineProblem() {
		given(this.browse.open(eq(UUID.fromString(LAB)), any(ListingQuery.class)))
			.willThrow(new GlobusUnauthorizedException(401, "AuthenticationFailed", "Token is not active", "r", "/ls"));
		assertThatExceptionOfType(GlobusUnauthorizedException.class).isThrownBy(() -> this.service.open(state(LAB)));
	}

	@Test
	void searchingTooFastKeepsThePickerWithASlowDownMessage() {
		LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.add("a_q", "tutorial");
		given(this.picker.search(any(), any())).willThrow(new SlowDownException(Duration.ofSeconds(7)));
		FileManagerService.Page page = this.service.open(FileManagerState.from(params));
		assertThat(page.left().kind()).isEqualTo("picker");
		assertThat(page.left().message()).startsWith("Slow down").contains("7 seconds");
	}

	@Test
	void anIdThatIsNotAUuidKeepsThePickerWithAPlainMessage() {
		FileManagerService.Page page = this.service.open(state("not-a-collection"));
		assertThat(page.left().kind()).isEqualTo("picker");
		assertThat(page.left().message()).contains("UUID");
	}

	@Test
	void aRelativePathIsAProblemGlobusIsNeverAskedAbout() {
		LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.add("a_collection", LAB);
		params.add("a_path", "projects/");
		FileManagerService.Page page = this.service.open(FileManagerState.from(params));
		assertThat(page.left().kind()).isEqualTo("problem");
		org.mockito.BDDMockito.then(this.browse).shouldHaveNoInteractions();
	}

	private static FileManagerState state(String left) {
		LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		if (!left.isEmpty()) {
			params.add("a_collection", left);
		}
		return FileManagerState.from(params);
	}

}
