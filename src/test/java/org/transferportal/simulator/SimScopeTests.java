package org.transferportal.simulator;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SimScope}.
 */
class SimScopeTests {

	static final String TRANSFER = "urn:globus:auth:scope:transfer.api.globus.org:all";

	static final String A = "https://auth.globus.org/scopes/A/data_access";

	static final String B = "https://auth.globus.org/scopes/B/data_access";

	@Test
	void spacesInsideBracketsSeparateDependentsNotRoots() {
		List<SimScope> scopes = SimScope.parse("openid  " + TRANSFER + "[*" + A + " *" + B + "] email");
		assertThat(scopes).extracting(SimScope::name).containsExactly("openid", TRANSFER, "email");
		SimScope transfer = scopes.get(1);
		assertThat(transfer.dependencies()).extracting(SimScope::name).containsExactly(A, B);
		assertThat(transfer.dependencies()).allMatch(SimScope::optional);
	}

	@Test
	void nestedDependentsParse() {
		SimScope root = SimScope.parse("a[b[*c d] e]").get(0);
		assertThat(root.toString()).isEqualTo("a[b[*c d] e]");
		assertThat(root.dependencies().get(0).dependencies().get(0).optional()).isTrue();
	}

	@Test
	void sameRootsMergeTheirDependentsAndRequiredBeatsOptional() {
		List<SimScope> merged = SimScope.parse(TRANSFER + "[*" + A + "] " + TRANSFER + "[*" + B + " " + A + "]");
		assertThat(merged).hasSize(1);
		assertThat(merged.get(0).toString()).isEqualTo(TRANSFER + "[" + A + " *" + B + "]");
	}

	@Test
	void malformedStringsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> SimScope.parse(TRANSFER + "[" + A));
		assertThatIllegalArgumentException().isThrownBy(() -> SimScope.parse("a]"));
		assertThatIllegalArgumentException().isThrownBy(() -> SimScope.parse("a[]"));
		assertThatIllegalArgumentException().isThrownBy(() -> SimScope.parse("*"));
	}

}
