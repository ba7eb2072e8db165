package org.transferportal.transfer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where each outcome of a submission sends the browser: the one mapping the form, presets
 * and the return from Globus Auth all use.
 */
class TransferOutcomeTests {

	@Test
	void aSubmittedTransferGoesToItsTask() {
		TransferOutcome submitted = new TransferOutcome.Submitted("b8872740-7edc-11ec-9f33-ed182a728dff");
		assertThat(submitted.nextPath("d1")).isEqualTo("/tasks/b8872740-7edc-11ec-9f33-ed182a728dff");
		assertThat(submitted.leavesForm()).isTrue();
		assertThat(submitted.message()).isNull();
	}

	@Test
	void aTransferNeedingConsentGoesToGlobusAuth() {
		TransferOutcome consent = new TransferOutcome.NeedsConsent("/oauth2/authorization/globus?pending=p1");
		assertThat(consent.nextPath("d1")).isEqualTo("/oauth2/authorization/globus?pending=p1");
		assertThat(consent.leavesForm()).isTrue();
	}

	@Test
	void anInvalidOrFailedTransferGoesBackToItsFormWithTheReason() {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put("source_path", "Enter a path");
		errors.put("label", "A label can have at most 128 characters");
		TransferOutcome invalid = new TransferOutcome.Invalid(errors);
		assertThat(invalid.nextPath("d 1")).isEqualTo("/transfer/drafts/d%201");
		assertThat(invalid.leavesForm()).isFalse();
		assertThat(invalid.message()).isEqualTo("This transfer cannot be submitted as it is: Enter a path; "
				+ "A label can have at most 128 characters. Correct it below.");
		TransferOutcome failed = new TransferOutcome.Failed("Globus refused", "req-1");
		assertThat(failed.nextPath("d1")).isEqualTo("/transfer/drafts/d1");
		assertThat(failed.leavesForm()).isFalse();
		assertThat(failed.message()).isEqualTo("Globus refused");
		assertThat(failed.requestId()).isEqualTo("req-1");
		assertThat(failed.errors()).isEmpty();
	}

	@Test
	void aTaskIdIsEncodedAsOnePathSegment() {
		assertThat(new TransferOutcome.Submitted("a/../b").nextPath("d1")).isEqualTo("/tasks/a%2F..%2Fb");
	}

}
