package org.transferportal.transfer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import org.transferportal.globus.TransferDocument;
import org.transferportal.globus.TransferDocument.Item;

import static org.assertj.core.api.Assertions.assertThat;

class FormTranslatorTests {

	static final String SRC = "6c54cade-bde5-45c1-bdea-f4bd71dba2cc";

	static final String DST = "31ce9ba0-176d-45a5-add3-f37d233ba47d";

	private final FormTranslator translator = new FormTranslator(
			Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

	@Test
	void aPathEndingInSlashIsAFolderAndAnyOtherIsLeftForTransferToDetect() {
		TransferDocument folder = valid(form("/share/godata/", "/~/copy")).document();
		assertThat(folder.data()).containsExactly(Item.of("/share/godata/", "/~/copy/", true));
		// A file or a folder: either way it keeps its name in a destination folder.
		TransferDocument unknown = valid(form("/share/godata/file1.txt", "/~/in/")).document();
		assertThat(unknown.data()).containsExactly(Item.of("/share/godata/file1.txt", "/~/in/file1.txt", null));
	}

	@Test
	void deepLinkDefaultsVerifyChecksumsAndNotifications() {
		TransferDocument document = valid(form("/a", "/b")).document();
		assertThat(document.verifyChecksum()).isTrue();
		assertThat(document.notifyOnSucceeded()).isTrue();
		assertThat(document.deleteDestinationExtra()).isNull();
		assertThat(document.submissionId()).isNull();
	}

	@Test
	void everyBadFieldGetsItsOwnMessage() {
		MultiValueMap<String, String> params = params("/a", "relative/path");
		params.set("source_collection", "not-a-uuid");
		params.set("destination_collection", "");
		params.set("label", "x".repeat(129));
		params.set("deadline", "2025-12-31T23:00");
		params.set("sync_level", "7");
		params.set("source_local_user", "bad user;");
		FormTranslator.Result result = this.translator.translate(TransferForm.from(params));
		assertThat(result.valid()).isFalse();
		assertThat(result.errors()).containsOnlyKeys("source_collection", "destination_collection", "destination_path",
				"label", "deadline", "sync_level", "source_local_user");
	}

	@Test
	void pathsWithControlCharactersAreRefused() {
		FormTranslator.Result result = this.translator.translate(form("/a\u0000b", "/b\nc"));
		assertThat(result.errors()).containsKeys("source_path", "destination_path");
	}

	@Test
	void pathsWithDotSegmentsAreRefusedInTheFieldsAndInBatchLinesOnceResolved() {
		assertThat(this.translator.translate(form("/share/../../etc/passwd", "/in/./x/")).errors())
			.containsKeys("source_path", "destination_path");
		MultiValueMap<String, String> params = params("/data/", "/backup/");
		params.set("manifest", "fine.txt fine.txt\n../escape.txt escape.txt\nin.txt sub/../../out.txt\n");
		assertThat(this.translator.translate(TransferForm.from(params)).errors().get("manifest"))
			.isEqualTo("Line 2: A path cannot contain . or .. as a folder name: give the folder itself\n"
					+ "Line 3: A path cannot contain . or .. as a folder name: give the folder itself");
	}

	@Test
	void aLinkIsCheckedOnlyForWhatItFilledIn() {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.set("source_path", "/share/../x");
		params.set("label", "two\nlines");
		assertThat(this.translator.checkGiven(TransferForm.from(params))).containsOnlyKeys("source_path", "label");
		assertThat(this.translator.checkGiven(TransferForm.empty())).isEmpty();
		params.set("source_collection", "1-2-3-4-5");
		assertThat(this.translator.checkGiven(TransferForm.from(params))).containsKey("source_collection");
	}

	@Test
	void aLabelWithALineBreakIsRefusedAndEdgeBlanksAreTrimmed() {
		MultiValueMap<String, String> params = params("/a", "/b");
		params.set("label", "two\nlines");
		assertThat(this.translator.translate(TransferForm.from(params)).errors()).containsKey("label");
		params.set("label", "  nightly  ");
		assertThat(valid(TransferForm.from(params)).document().label()).isEqualTo("nightly");
	}

	@Test
	void aFutureDeadlineIsSentInUtc() {
		MultiValueMap<String, String> params = params("/a", "/b");
		params.set("deadline", "2026-02-01T10:30");
		assertThat(valid(TransferForm.from(params)).document().deadline()).isEqualTo("2026-02-01T10:30:00+00:00");
	}

	@Test
	void batchItemsAreResolvedAgainstTheBasePathsAndBadLinesAreNumbered() {
		MultiValueMap<String, String> params = params("/data/", "/backup/");
		params.set("manifest", "a.txt a.txt\nsub/ sub/ --recursive\n/abs/file /other/file\n");
		TransferDocument document = valid(TransferForm.from(params)).document();
		assertThat(document.data()).containsExactly(Item.of("/data/a.txt", "/backup/a.txt", null),
				Item.of("/data/sub/", "/backup/sub/", true), Item.of("/abs/file", "/other/file", null));
		params.set("manifest", "ok ok\nbroken\n");
		assertThat(this.translator.translate(TransferForm.from(params)).errors().get("manifest")).startsWith("Line 2:");
	}

	@Test
	void aBatchLineSaysFolderOrFileOnlyWhenItsOptionsOrATrailingSlashDo() {
		MultiValueMap<String, String> params = params("/data/", "/archive/");
		params.set("manifest", "run1 run1\nrun2 run2 --recursive\nrun3/ run3/\nf.txt f.txt --no-recursive\n");
		assertThat(valid(TransferForm.from(params)).document().data()).containsExactly(
				Item.of("/data/run1", "/archive/run1", null), Item.of("/data/run2/", "/archive/run2/", true),
				Item.of("/data/run3/", "/archive/run3/", true), Item.of("/data/f.txt", "/archive/f.txt", false));
		params.set("manifest", "run3/ run3/ --no-recursive\n");
		assertThat(this.translator.translate(TransferForm.from(params)).errors().get("manifest"))
			.isEqualTo("Line 1: a path ending in / is a folder, so --no-recursive cannot apply");
	}

	@Test
	void deletingExtraFilesAndFilterRulesNeedAnItemThatMayBeAFolder() {
		MultiValueMap<String, String> params = params("/data/run1", "/archive/run1");
		params.set("delete_destination_extra", "true");
		params.set("filter_rules", "exclude *.tmp");
		TransferDocument unknown = valid(TransferForm.from(params)).document();
		assertThat(unknown.deleteDestinationExtra()).isTrue();
		assertThat(unknown.filterRules()).hasSize(1);
		params.set("source_path", "/data/");
		params.set("manifest", "a.txt a.txt --no-recursive\nb.txt b.txt --no-recursive\n");
		assertThat(this.translator.translate(TransferForm.from(params)).errors())
			.containsOnlyKeys("delete_destination_extra", "filter_rules");
	}

	@Test
	void filterRulesNeedAFolderAndAValidShape() {
		MultiValueMap<String, String> params = params("/data/", "/backup/");
		params.set("filter_rules", "include *.csv\nexclude tmp dir\n");
		TransferDocument document = valid(TransferForm.from(params)).document();
		assertThat(document.filterRules()).containsExactly(new TransferDocument.FilterRule("include", "*.csv", null),
				new TransferDocument.FilterRule("exclude", "tmp", "dir"));
		params.set("filter_rules", "keep everything");
		assertThat(this.translator.translate(TransferForm.from(params)).errors()).containsKey("filter_rules");
	}

	@Test
	void aPostedFormWithoutACheckboxTurnsTheOptionOff() {
		MultiValueMap<String, String> params = params("/a", "/b");
		params.set(TransferForm.FORM_MARKER, "1");
		TransferDocument document = valid(TransferForm.from(params)).document();
		assertThat(document.verifyChecksum()).isFalse();
		assertThat(document.notifyOnSucceeded()).isFalse();
	}

	@Test
	void globusWebAppAliasesFillTheForm() {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.set("origin_id", SRC);
		params.set("origin_path", "/a");
		params.set("destination_id", DST);
		params.set("destination_path", "/b/");
		TransferForm form = TransferForm.from(params);
		assertThat(form.sourceCollection()).isEqualTo(SRC);
		assertThat(form.destinationCollection()).isEqualTo(DST);
		assertThat(valid(form).document().data()).containsExactly(Item.of("/a", "/b/a", null));
	}

	private FormTranslator.Result valid(TransferForm form) {
		FormTranslator.Result result = this.translator.translate(form);
		assertThat(result.errors()).isEmpty();
		return result;
	}

	private static TransferForm form(String source, String destination) {
		return TransferForm.from(params(source, destination));
	}

	private static MultiValueMap<String, String> params(String source, String destination) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.set("source_collection", SRC);
		params.set("source_path", source);
		params.set("destination_collection", DST);
		params.set("destination_path", destination);
		return params;
	}

}
