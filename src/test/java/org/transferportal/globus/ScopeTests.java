package org.transferportal.globus;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The scope grammar: {@code ROOT[*DEP1 DEP2[NESTED]]}.
 */
class ScopeTests {

	private static final String TRANSFER = GlobusScopes.TRANSFER;

	private static final String A = "https://auth.globus.org/scopes/aaaaaaaa-0000-4000-8000-000000000001/data_access";

	private static final String B = "https://auth.globus.org/scopes/bbbbbbbb-0000-4000-8000-000000000002/data_access";

	@ParameterizedTest
	@ValueSource(strings = { "openid", "openid profile email", TRANSFER + "[*" + A + "]",
			TRANSFER + "[*" + A + " *" + B + "]", "a[b[c *d] *e[f]] g", "openid " + TRANSFER + "[" + A + "]" })
	void parseAndFormatRoundTrip(String text) {
		assertThat(Scope.format(Scope.parse(text))).isEqualTo(text);
	}

	@Test
	void parseReadsNestedOptionalDependencies() {
		List<Scope> scopes = Scope.parse("a[b[c *d] *e]");

		assertThat(scopes).hasSize(1);
		Scope a = scopes.get(0);
		assertThat(a.name()).isEqualTo("a");
		assertThat(a.optional()).isFalse();
		assertThat(a.dependencies()).extracting(Scope::name).containsExactly("b", "e");
		Scope b = a.dependencies().get(0);
		assertThat(b.optional()).isFalse();
		assertThat(b.dependencies()).containsExactly(Scope.of("c"), new Scope("d", true, List.of()));
		assertThat(a.dependencies().get(1).optional()).isTrue();
		assertThat(a.names()).containsExactly("a", "b", "c", "d", "e");
	}

	@Test
	void parseAllowsSpacesTabsAndNewlinesAroundAndInsideBrackets() {
		List<Scope> scopes = Scope.parse("  openid \t" + TRANSFER + "[  *" + A + "\n  *" + B + "  ]  ");

		assertThat(Scope.format(scopes)).isEqualTo("openid " + TRANSFER + "[*" + A + " *" + B + "]");
	}

	@Test
	void parseOfNothingIsNoScopes() {
		assertThat(Scope.parse("")).isEmpty();
		assertThat(Scope.parse("   ")).isEmpty();
		assertThat(Scope.parse(null)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a[b", "a[b[c]", "a]", "a[b]]", "]", "[", "[a]", "a [b]", "*", "a[*]", "a[* b]", "**a",
			"a[[b]]", "a *", "a[b *]" })
	void malformedScopeStringsAreRejected(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Scope.parse(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a b", "a[", "a]", "*a" })
	void scopeNamesWithGrammarCharactersAreRejected(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> Scope.of(name));
	}

	@Test
	void mergeUnionsTheDependentsOfTheSameRootWithoutDuplicates() {
		List<Scope> merged = Scope
			.merge(Scope.parse(TRANSFER + "[*" + A + "] openid " + TRANSFER + "[*" + B + " *" + A + "] openid"));

		assertThat(Scope.format(merged)).isEqualTo(TRANSFER + "[*" + A + " *" + B + "] openid");
	}

	@Test
	void mergeLetsARequiredDependentBeatAnOptionalOne() {
		List<Scope> merged = Scope.merge(Scope.parse(TRANSFER + "[*" + A + "] " + TRANSFER + "[" + A + "]"));

		assertThat(Scope.format(merged)).isEqualTo(TRANSFER + "[" + A + "]");
		assertThat(Scope.format(Scope.merge(Scope.parse("x[a] x[*a]")))).isEqualTo("x[a]");
	}

	@Test
	void mergeKeepsAnOptionalDependentOptionalWhenAllCopiesAreOptional() {
		assertThat(Scope.format(Scope.merge(Scope.parse("x[*a] x[*a]")))).isEqualTo("x[*a]");
	}

	@Test
	void mergeWorksAtEveryLevel() {
		List<Scope> merged = Scope.merge(Scope.parse("a[b[c]] a[b[*d] *e] a[*e b[c]]"));

		assertThat(Scope.format(merged)).isEqualTo("a[b[c *d] *e]");
	}

	@Test
	void mergeOfARootWithAndWithoutDependentsKeepsTheDependents() {
		assertThat(Scope.format(Scope.merge(Scope.parse(TRANSFER + " " + TRANSFER + "[*" + A + "]"))))
			.isEqualTo(TRANSFER + "[*" + A + "]");
	}

	@Test
	void withDependenciesMergesIntoTheExistingOnes() {
		Scope transfer = Scope.parse(TRANSFER + "[*" + A + "]").get(0);

		Scope more = transfer.withDependencies(List.of(new Scope(A, true, List.of()), new Scope(B, true, List.of())));

		assertThat(more).hasToString(TRANSFER + "[*" + A + " *" + B + "]");
		assertThat(transfer).hasToString(TRANSFER + "[*" + A + "]");
	}

	@Test
	void dependenciesCannotBeChangedFromOutside() {
		Scope scope = Scope.parse("a[b]").get(0);

		org.assertj.core.api.Assertions.assertThatException().isThrownBy(() -> scope.dependencies().add(Scope.of("c")));
	}

}
