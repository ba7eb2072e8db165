package org.transferportal.globus;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Hostile input to the scope parser: it answers with scopes or a clear refusal, and what
 * it prints it reads back the same.
 */
class ScopePropertyTests {

	@Property(tries = 500)
	void anyTextParsesOrIsRefusedWithAnIllegalArgument(@ForAll("scopeLike") String text) {
		assertThatCode(() -> {
			try {
				Scope.parse(text);
			}
			catch (IllegalArgumentException expected) {
				// A clear refusal is a valid answer.
			}
		}).doesNotThrowAnyException();
	}

	@Property(tries = 500)
	void whatIsPrintedParsesBackToTheSameScopes(@ForAll("scopeLike") String text) {
		List<Scope> scopes;
		try {
			scopes = Scope.parse(text);
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		assertThat(Scope.parse(Scope.format(scopes))).isEqualTo(scopes);
	}

	@Property(tries = 300)
	void mergingIsIdempotent(@ForAll("scopeLike") String text) {
		List<Scope> scopes;
		try {
			scopes = Scope.parse(text);
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		List<Scope> merged = Scope.merge(scopes);
		assertThat(Scope.merge(merged)).isEqualTo(merged);
	}

	@Provide
	Arbitrary<String> scopeLike() {
		return Arbitraries.strings().withChars("ab:/*[] \t\n\u00e9").ofMaxLength(40).injectDuplicates(0.1);
	}

}
