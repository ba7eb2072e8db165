package org.transferportal.browse;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.transferportal.auth.ConsentRoundTrip;
import org.transferportal.auth.CurrentUser;
import org.transferportal.collections.CollectionDirectory;
import org.transferportal.globus.Collection;
import org.transferportal.globus.ListingQuery;
import org.transferportal.globus.TransferClient;
import org.transferportal.lab.LabProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * Opening a folder only reads: consent is a notice, whose button (a post) starts the
 * trip.
 */
class FolderServiceTests {

	static final UUID LAB = UUID.fromString("1405823f-0597-4a16-b296-46d4f0ae4b15");

	final CurrentUser user = mock(CurrentUser.class);

	final CollectionDirectory collections = mock(CollectionDirectory.class);

	final ConsentRoundTrip consent = mock(ConsentRoundTrip.class);

	final TransferClient transfer = mock(TransferClient.class);

	final FolderService folders = new FolderService(this.user, this.collections, this.consent,
			new LabProperties("Lab", List.of(), List.of(), List.of(), false, null, true, true));

	@Test
	void aConsentGivenBeforeIsANoticeToConfirmNotATripStartedByOpeningThePage() {
		given(this.user.transfer()).willReturn(this.transfer);
		given(this.collections.describe(this.transfer, LAB)).willReturn(mapped());
		given(this.consent.missingDataAccess(List.of(LAB))).willReturn(Set.of(LAB));
		given(this.consent.consentedBefore(Set.of(LAB))).willReturn(true);

		FolderService.Result result = this.folders.open(LAB, ListingQuery.of("/projects/"));

		assertThat(result).isInstanceOfSatisfying(FolderService.Result.NeedsConsent.class,
				(needs) -> assertThat(needs.needs().message()).contains("before"));
		then(this.consent).should(never()).startForDataAccess(anyString(), anyString(), any());
		then(this.consent).should(never()).start(anyString(), anyString(), any());
		then(this.transfer).should(never()).list(anyString(), any());
	}

	private static Collection mapped() {
		return new Collection(LAB.toString(), "Lab Data", Collection.MAPPED, false, false, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null);
	}

}
