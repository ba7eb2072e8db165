package org.transferportal.simulator;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Scope}.
 */
class ScopeTests {

	static final String TRANSFER = "urn:globus:auth:scope:transfer.api.globus.org:all";

	static final String A = "https://auth.globus.org/scopes/A/data_access";

	static final String B = "https://auth.globus.org/scopes/B/data_access";

	@Test
	void spacesInsideBracketsSeparateDependentsNotRoots() {
		List<Scope> scopes = Scope.parse("openid  " + TRANSFER + "[*" + A + " *" + B + "] email");
		assertThat(scopes).extracting(Scope::name).containsExactly("openid", TRANSFER, "email");
		Scope transfer = scopes.get(1);
		assertThat(transfer.dependencies()).extracting(Scope::name).containsExactly(A, B);
		assertThat(transfer.dependencies()).allMatch(Scope::optional);
	}

	@Test
	void nestedDependentsParse() {
		Scope root = Scope.parse("a[b[*c d] e]").get(0);
		assertThat(root.toString()).isEqualTo("a[b[*c d] e]");
		assertThat(root.dependencies().get(0).dependencies().get(0).optional()).isTrue();
	}

	@Test
	void sameRootsMergeTheirDependentsAndRequiredBeatsOptional() {
		List<Scope> merged = Scope.parse(TRANSFER + "[*" + A + "] " + TRANSFER + "[*" + B + " " + A + "]");
		assertThat(merged).hasSize(1);
		assertThat(merged.get(0).toString()).isEqualTo(TRANSFER + "[" + A + " *" + B + "]");
	}

	@Test
	void malformedStringsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Scope.parse(TRANSFER + "[" + A));
		assertThatIllegalArgumentException().isThrownBy(() -> Scope.parse("a]"));
		assertThatIllegalArgumentException().isThrownBy(() -> Scope.parse("a[]"));
		assertThatIllegalArgumentException().isThrownBy(() -> Scope.parse("*"));
	}

}
