package org.transferportal.globus;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope strings the portal asks Globus Auth for.
 */
class GlobusScopesTests {

	private static final UUID A = UUID.fromString("6c54cade-bde5-45c1-bdea-f4bd71dba2cc");

	private static final UUID B = UUID.fromString("31ce9ba0-176d-45a5-add3-f37d233ba47d");

	private static final String EXPECTED = "urn:globus:auth:scope:transfer.api.globus.org:all"
			+ "[*https://auth.globus.org/scopes/6c54cade-bde5-45c1-bdea-f4bd71dba2cc/data_access"
			+ " *https://auth.globus.org/scopes/31ce9ba0-176d-45a5-add3-f37d233ba47d/data_access]";

	@Test
	void transferWithDataAccessForTwoCollectionsIsOneRootWithTwoOptionalDependents() {
		assertThat(GlobusScopes.transferWithDataAccess(List.of(A, B))).hasToString(EXPECTED);
	}

	@Test
	void transferWithDataAccessNamesACollectionOnce() {
		assertThat(GlobusScopes.transferWithDataAccess(List.of(A, B, A))).hasToString(EXPECTED);
	}

	@Test
	void transferWithDataAccessForNoCollectionIsTheBareTransferScope() {
		assertThat(GlobusScopes.transferWithDataAccess(List.of())).hasToString(GlobusScopes.TRANSFER);
	}

	@Test
	void scopesForSourceAndDestinationMergeIntoTheSameString() {
		List<Scope> merged = Scope.merge(List.of(GlobusScopes.transferWithDataAccess(List.of(A)),
				GlobusScopes.transferWithDataAccess(List.of(B))));

		assertThat(Scope.format(merged)).isEqualTo(EXPECTED);
	}

	@Test
	void requiredScopesOfAConsentErrorMergeWithTheLoginScopes() {
		List<Scope> scopes = new java.util.ArrayList<>(Scope.parse(String.join(" ", GlobusScopes.LOGIN)));
		scopes.add(GlobusScopes.transferWithDataAccess(List.of(A)));
		scopes.addAll(Scope.parse("urn:globus:auth:scope:transfer.api.globus.org:all"
				+ "[*https://auth.globus.org/scopes/31ce9ba0-176d-45a5-add3-f37d233ba47d/data_access]"));

		assertThat(Scope.format(Scope.merge(scopes))).isEqualTo("openid profile email " + EXPECTED);
	}

	@Test
	void dataAccessCollectionReadsTheCollectionBack() {
		assertThat(GlobusScopes.dataAccessCollection(GlobusScopes.dataAccess(A))).isEqualTo(A);
		assertThat(GlobusScopes.dataAccessCollection(GlobusScopes.TRANSFER)).isNull();
		assertThat(GlobusScopes.dataAccessCollection("https://auth.globus.org/scopes/" + A + "/https")).isNull();
		assertThat(GlobusScopes.dataAccessCollection("https://auth.globus.org/scopes/not-a-uuid/data_access")).isNull();
	}

	@Test
	void theTimerScopeHasTransferBelowItAndTheDataAccessScopesBelowTransfer() {
		UUID a = UUID.fromString("1405823f-0597-4a16-b296-46d4f0ae4b15");

		assertThat(GlobusScopes.timerWithDataAccess(List.of(a)).toString()).isEqualTo(
				"https://auth.globus.org/scopes/524230d7-ea86-4a52-8312-86065a9e0417/timer[urn:globus:auth:scope:"
						+ "transfer.api.globus.org:all[*https://auth.globus.org/scopes/" + a + "/data_access]]");
		assertThat(GlobusScopes.timerWithDataAccess(List.of()).toString())
			.isEqualTo(GlobusScopes.TIMER + "[" + GlobusScopes.TRANSFER + "]");
	}

}
