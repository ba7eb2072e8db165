package org.transferportal.https;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import org.transferportal.auth.ConsentRoundTrip;
import org.transferportal.auth.CurrentUser;
import org.transferportal.collections.CollectionDirectory;
import org.transferportal.globus.Collection;
import org.transferportal.lab.LabProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * When the portal lets a file through a collection's HTTPS server: the lab's switches, a
 * collection without one, an address the user's token must not travel to, and consent
 * still missing.
 */
class HttpsAccessTests {

	private final CurrentUser user = mock(CurrentUser.class);

	private final CollectionDirectory collections = mock(CollectionDirectory.class);

	private final ConsentRoundTrip consent = mock(ConsentRoundTrip.class);

	private final UUID id = UUID.randomUUID();

	private HttpsAccess access(boolean downloads, boolean uploads, boolean allowHttp) {
		LabProperties lab = new LabProperties("Lab", List.of(), List.of(), List.of(), false, null, downloads, uploads);
		return new HttpsAccess(this.user, this.collections, this.consent, lab, new HttpsProperties(
				DataSize.ofGigabytes(5), DataSize.ofKilobytes(64), DataSize.ofMegabytes(10), allowHttp));
	}

	private void collection(String httpsServer, String entityType) {
		Collection collection = new Collection(this.id.toString(), "Lab Data", entityType, false, false, null, null,
				null, null, null, "/~/", true, null, null, httpsServer, "5.4", null, false, List.of(), null);
		given(this.collections.describe(any(), any())).willReturn(collection);
	}

	@Test
	void theLabsSwitchesTurnDownloadsAndUploadsOffBeforeGlobusIsAsked() {
		HttpsAccess.Result read = access(false, true, false).open(this.id, HttpsAccess.Use.READ);
		assertThat(read).isInstanceOfSatisfying(HttpsAccess.Result.Refused.class,
				(refused) -> assertThat(refused.message()).contains("turned off for this lab"));
		HttpsAccess.Result write = access(true, false, false).open(this.id, HttpsAccess.Use.WRITE);
		assertThat(write).isInstanceOfSatisfying(HttpsAccess.Result.Refused.class,
				(refused) -> assertThat(refused.status()).isEqualTo(403));
		verifyNoInteractions(this.collections);
	}

	@Test
	void aCollectionWithoutAnHttpsServerOffersATransferInstead() {
		collection(null, "GCSv5_guest_collection");
		assertThat(access(true, true, false).open(this.id, HttpsAccess.Use.READ)).isInstanceOfSatisfying(
				HttpsAccess.Result.Refused.class,
				(refused) -> assertThat(refused.message()).contains("has no HTTPS access", "Transfer"));
	}

	@Test
	void theUsersTokenOnlyTravelsOverTlsToAHostUnlessPlainHttpIsAllowed() {
		collection("http://gcs.example.org", "GCSv5_guest_collection");
		assertThat(access(true, true, false).open(this.id, HttpsAccess.Use.READ))
			.isInstanceOf(HttpsAccess.Result.Refused.class);
		HttpsAccess strict = access(true, true, false);
		assertThat(strict.acceptable("https://m-1a2b.data.globus.org")).isTrue();
		assertThat(strict.acceptable("https://user:pw@m-1a2b.data.globus.org")).isFalse();
		assertThat(strict.acceptable("https://m-1a2b.data.globus.org/?x=1")).isFalse();
		assertThat(strict.acceptable("javascript:alert(1)")).isFalse();
		assertThat(access(true, true, true).acceptable("http://localhost:8080/simulator/https/x")).isTrue();
	}

	@Test
	void anUploadToAMappedCollectionNeedsItsDataAccessTooAndAsksForIt() {
		collection("https://m-1a2b.data.globus.org", "GCSv5_mapped_collection");
		given(this.consent.missingHttps(any())).willReturn(Set.of());
		given(this.consent.missingDataAccess(any())).willReturn(Set.of(this.id));
		assertThat(access(true, true, false).open(this.id, HttpsAccess.Use.WRITE))
			.isInstanceOf(HttpsAccess.Result.NeedsConsent.class);
	}

}
