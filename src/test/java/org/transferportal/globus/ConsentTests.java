package org.transferportal.globus;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walking the consents Globus Auth lists for an identity ({@code get_consents} shape):
 * which data_access scopes hang below the user's Transfer consent.
 */
class ConsentTests {

	private static final String DATA_ACCESS = "https://auth.globus.org/scopes/1405823f-0597-4a16-b296-46d4f0ae4b15/data_access";

	private static final String OTHER = "https://auth.globus.org/scopes/313ce13e-b597-5858-ae13-29e46fea26e6/data_access";

	@Test
	void aDataAccessConsentBelowTheTransferConsentIsGranted() {
		assertThat(Consent.dependentsOf(GlobusScopes.TRANSFER, canned())).containsExactly(DATA_ACCESS);
	}

	@Test
	void withoutItsDataAccessConsentOnlyTheTransferConsentRemains() {
		List<Consent> revoked = canned().subList(0, 1);

		assertThat(Consent.dependentsOf(GlobusScopes.TRANSFER, revoked)).isEmpty();
	}

	@Test
	void aDataAccessConsentBelowAnotherRootOrDeeperOrNotApprovedIsNotGranted() {
		List<Consent> consents = new ArrayList<>(canned());
		consents.add(new Consent(500, "urn:globus:auth:scope:other.api.globus.org:all", List.of(500L), "approved", null,
				null, null, false));
		consents.add(new Consent(501, OTHER, List.of(500L, 501L), "approved", null, null, null, true));
		consents.add(new Consent(502, OTHER, List.of(142632L, 433892L, 502L), "approved", null, null, null, true));
		consents.add(new Consent(503, OTHER, List.of(142632L, 503L), "denied", null, null, null, true));

		assertThat(Consent.dependentsOf(GlobusScopes.TRANSFER, consents)).containsExactly(DATA_ACCESS);
	}

	@Test
	void consentsWithoutAStatusCountAsGranted() {
		List<Consent> consents = List.of(
				new Consent(1, GlobusScopes.TRANSFER, List.of(1L), null, null, null, null, false),
				new Consent(2, OTHER, List.of(1L, 2L), null, null, null, null, true));

		assertThat(Consent.dependentsOf(GlobusScopes.TRANSFER, consents)).containsExactly(OTHER);
	}

	private static List<Consent> canned() {
		var json = GlobusClients.globusJson();
		JsonNode consents = json.readTree(GlobusFixtures.body("auth/consents.json")).path("consents");
		return List.of(json.treeToValue(consents, Consent[].class));
	}

}
