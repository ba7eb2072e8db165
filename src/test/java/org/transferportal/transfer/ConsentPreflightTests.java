package org.transferportal.transfer;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.transferportal.auth.ConsentRoundTrip;
import org.transferportal.collections.CollectionDirectory;
import org.transferportal.globus.TransferClient;
import org.transferportal.globus.TransferDocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class ConsentPreflightTests {

	private final TransferDrafts drafts = mock(TransferDrafts.class);

	private final CollectionDirectory collections = mock(CollectionDirectory.class);

	private final ConsentPreflight preflight = new ConsentPreflight(this.collections, mock(ConsentRoundTrip.class),
			this.drafts);

	@Test
	void theCollectionDocumentsAreAskedForAsBoundedAsTheSubmissionItself() {
		TransferClient transfer = mock(TransferClient.class);
		TransferClient bounded = mock(TransferClient.class);
		given(transfer.forSubmission()).willReturn(bounded);
		UUID source = UUID.randomUUID();
		UUID destination = UUID.randomUUID();
		given(this.collections.describeAll(any(), any())).willReturn(Map.of());
		TransferDocument document = new TransferDocument(null, source.toString(), destination.toString(), null, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null,
				List.of(TransferDocument.Item.of("/a/", "/b/", true)));

		this.preflight.missingDataAccess(transfer, document);

		verify(this.collections).describeAll(bounded, List.of(source, destination));
		verify(this.collections, never()).describeAll(eq(transfer), any());
	}

	@Test
	void aDraftMayMakeThreeTripsToGlobusAuthAndNoMore() {
		AtomicInteger started = new AtomicInteger();
		for (int trip = 1; trip <= ConsentPreflight.MAX_TRIPS; trip++) {
			given(this.drafts.countConsentTrip("d1")).willReturn(trip);
			assertThat(this.preflight.trip("d1",
					() -> "/oauth2/authorization/globus?pending=" + started.incrementAndGet()))
				.isPresent();
		}
		given(this.drafts.countConsentTrip("d1")).willReturn(ConsentPreflight.MAX_TRIPS + 1);
		assertThat(this.preflight.trip("d1", () -> "/never?" + started.incrementAndGet())).isEmpty();
		assertThat(started).hasValue(ConsentPreflight.MAX_TRIPS);
	}

}
