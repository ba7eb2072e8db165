package org.transferportal.globus;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

	@Test
	void aTimerScopeIsMetByItsWholeConsentTree() {
		List<Consent> consents = timerTree(true);
		Scope wanted = GlobusScopes.timerWithDataAccess(List.of(UUID.fromString(LAB_DATA)));

		assertThat(Consent.meets(wanted, consents)).isTrue();
		assertThat(Consent.meets(GlobusScopes.timerWithDataAccess(List.of()), consents)).isTrue();
	}

	@Test
	void aTimerScopeIsNotMetWithoutItsDataAccessOrWithItOnlyBelowTransfersOwnConsent() {
		Scope wanted = GlobusScopes.timerWithDataAccess(List.of(UUID.fromString(LAB_DATA)));
		List<Consent> withoutDataAccess = timerTree(false);
		List<Consent> belowTransferOnly = new ArrayList<>(withoutDataAccess);
		// The user's data_access consent for immediate transfers does not reach timers.
		belowTransferOnly.add(new Consent(7, GlobusScopes.TRANSFER, List.of(7L), "approved", null, null, null, false));
		belowTransferOnly.add(new Consent(8, DATA_ACCESS, List.of(7L, 8L), "approved", null, null, null, true));

		assertThat(Consent.meets(wanted, withoutDataAccess)).isFalse();
		assertThat(Consent.meets(wanted, belowTransferOnly)).isFalse();
		assertThat(Consent.meets(Scope.of(GlobusScopes.TRANSFER), belowTransferOnly)).isTrue();
	}

	@Test
	void anOlderTimersScopeChainIsWalkedTheSameWay() {
		String provider = "https://auth.globus.org/scopes/actions.globus.org/transfer/transfer";
		List<Consent> consents = List.of(
				new Consent(1, GlobusScopes.TIMER, List.of(1L), "approved", null, null, null, false),
				new Consent(2, provider, List.of(1L, 2L), "approved", null, null, null, false),
				new Consent(3, GlobusScopes.TRANSFER, List.of(1L, 2L, 3L), "approved", null, null, null, false),
				new Consent(4, DATA_ACCESS, List.of(1L, 2L, 3L, 4L), "approved", null, null, null, true));
		Scope old = Scope
			.parse(GlobusScopes.TIMER + "[" + provider + "[" + GlobusScopes.TRANSFER + "[*" + DATA_ACCESS + "]]]")
			.get(0);

		assertThat(Consent.meets(old, consents)).isTrue();
		assertThat(Consent.meets(old, consents.subList(0, 3))).isFalse();
		assertThat(Consent.meets(GlobusScopes.timerWithDataAccess(List.of()), consents))
			.as("the new chain has Transfer right below Timers")
			.isFalse();
	}

	private static final String LAB_DATA = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	/**
	 * The consents of a timer with Transfer below it, and Lab Data's data_access below
	 * that.
	 */
	private static List<Consent> timerTree(boolean withDataAccess) {
		List<Consent> consents = new ArrayList<>();
		consents.add(new Consent(100, GlobusScopes.TIMER, List.of(100L), "approved", null, null, null, false));
		consents.add(new Consent(101, GlobusScopes.TRANSFER, List.of(100L, 101L), "approved", null, null, null, false));
		if (withDataAccess) {
			consents
				.add(new Consent(1000, DATA_ACCESS, List.of(100L, 101L, 1000L), "approved", null, null, null, true));
		}
		return consents;
	}

}
