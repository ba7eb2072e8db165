package org.transferportal.transfer;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import org.transferportal.globus.TransferDocument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input to the transfer form and batch parser: never an exception, and never an
 * invalid document that would be forwarded to Globus.
 */
class TransferFormPropertyTests {

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final FormTranslator translator = new FormTranslator(Clock.systemUTC());

	@Property(tries = 1000)
	void anyFormIsEitherRefusedWithMessagesOrValidForGlobus(@ForAll("forms") MultiValueMap<String, String> params) {
		FormTranslator.Result result = this.translator.translate(TransferForm.from(params));
		if (!result.valid()) {
			assertThat(result.errors().values()).allSatisfy((message) -> assertThat(message).isNotBlank());
			return;
		}
		TransferDocument document = result.document();
		assertThat(document.sourceEndpoint()).matches(UUID_TEXT);
		assertThat(document.destinationEndpoint()).matches(UUID_TEXT);
		assertThat(document.data()).isNotEmpty().allSatisfy((item) -> {
			assertThat(item.sourcePath()).startsWith("/").doesNotContainPattern("\\p{Cntrl}");
			assertThat(item.destinationPath()).startsWith("/").doesNotContainPattern("\\p{Cntrl}");
			assertThat(item.recursive()).isEqualTo(item.sourcePath().endsWith("/") ? Boolean.TRUE : null);
		});
		if (document.label() != null) {
			assertThat(document.label()).hasSizeLessThanOrEqualTo(128).doesNotContainPattern("\\p{Cntrl}");
			assertThat(document.label()).isEqualTo(document.label().strip());
		}
		if (document.syncLevel() != null) {
			assertThat(document.syncLevel()).isBetween(0, 3);
		}
	}

	@Property(tries = 1000)
	void theBatchParserNeverThrows(@ForAll("batches") String manifest) {
		ManifestParser.Result result = ManifestParser.parse(manifest);
		assertThat(result.lines().size() + result.errors().size()).isPositive();
		result.errors().forEach((error) -> assertThat(error).matches("(Line \\d+: .+|The batch has no items)"));
	}

	@Provide
	Arbitrary<MultiValueMap<String, String>> forms() {
		Arbitrary<String> ids = Arbitraries.oneOf(Arbitraries.create(() -> UUID.randomUUID().toString()),
				Arbitraries.strings().ofMaxLength(40));
		Arbitrary<String> paths = Arbitraries.oneOf(
				Arbitraries.strings().withChars("/~a. \n\u0000\u00e9").ofMaxLength(20),
				Arbitraries.strings().alpha().ofMaxLength(10).map((s) -> "/" + s + "/"));
		Arbitrary<String> texts = Arbitraries.strings().ofMaxLength(150);
		Arbitrary<String> flags = Arbitraries.of("", "true", "false", "1", "0", "on", "x");
		return Combinators
			.combine(ids, paths, ids, paths, texts, Arbitraries.of("", "0", "1", "2", "3", "9", "mtime"), flags,
					Arbitraries.of("", "2099-01-01T10:00", "2000-01-01T00:00", "garbage"))
			.as((src, srcPath, dst, dstPath, label, sync, flag, deadline) -> {
				MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
				Map.of("source_collection", src, "source_path", srcPath, "destination_collection", dst,
						"destination_path", dstPath, "label", label, "sync_level", sync, "delete_destination_extra",
						flag, "deadline", deadline)
					.forEach(params::add);
				return params;
			});
	}

	@Provide
	Arbitrary<String> batches() {
		return Arbitraries.strings().withChars("ab /\"'\\#-r\n\t").ofMaxLength(60);
	}

}
