package org.transferportal.transfer;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.transferportal.auth.ConsentRoundTrip;
import org.transferportal.collections.CollectionDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class ConsentPreflightTests {

	private final TransferDrafts drafts = mock(TransferDrafts.class);

	private final ConsentPreflight preflight = new ConsentPreflight(mock(CollectionDirectory.class),
			mock(ConsentRoundTrip.class), this.drafts);

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
