package org.transferportal.transfer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import org.transferportal.auth.CurrentUser;

/**
 * Transfers prepared elsewhere in the portal (a lab preset): checked like a form, opened
 * for review, or started in one click — always through the same drafts, preflight,
 * consent round trip and submission id as the transfer form.
 */
@Component
public class PreparedTransfers {

	private final TransferService service;

	private final TransferValidator validator;

	private final TransferDrafts drafts;

	private final CurrentUser user;

	PreparedTransfers(TransferService service, TransferValidator validator, TransferDrafts drafts, CurrentUser user) {
		this.service = service;
		this.validator = validator;
		this.drafts = drafts;
		this.user = user;
	}

	/**
	 * Reads a transfer form from request parameters, with the names of the portal's form
	 * and deep links.
	 */
	public static TransferForm formOf(org.springframework.util.MultiValueMap<String, String> params) {
		return TransferForm.from(params);
	}

	/**
	 * Reads a posted transfer form with the batch file it may carry (the file replaces
	 * the pasted batch, as in the form itself); a file over the form's 1 MB limit is left
	 * out.
	 */
	public static TransferForm formOf(org.springframework.util.MultiValueMap<String, String> params,
			org.springframework.web.multipart.MultipartFile upload) {
		boolean fits = upload == null || upload.getSize() <= TransferController.MAX_MANIFEST_BYTES;
		return fits ? TransferForm.withUploadedManifest(TransferForm.from(params), upload) : TransferForm.from(params);
	}

	/** Checks a form as a submission would, without submitting it: errors by field. */
	public Map<String, String> check(TransferForm form) {
		return this.validator.validate(form).errors();
	}

	/** Opens a draft with the form for the user to review; the local path of its page. */
	public String review(TransferForm form) {
		return TransferController.draftPath(this.service.open(form).id());
	}

	/**
	 * Opens a new draft with the form of one of the user's own submitted requests (its
	 * items and options, without its deadline, which has passed) for review: the local
	 * path of its page, or empty for a request that is not the user's or was never
	 * submitted. Nothing is submitted.
	 */
	public Optional<String> again(String requestId) {
		return this.drafts.find(requestId, this.user.subject())
			.filter(TransferDrafts.Draft::submitted)
			.map((draft) -> review(draft.form().withoutDeadline()));
	}

	/**
	 * Submits the form at once and answers with the local path the browser goes to next:
	 * the task, Globus Auth for a consent, or the form with a message.
	 *
	 * <p>
	 * {@code startKey} makes the click idempotent: the page that offers the button
	 * carries a fresh key, and every request with the same key (a double click, a resent
	 * post) is the same draft, so it submits once. The draft id is derived from the key
	 * and the user, so a key can never reach another user's draft.
	 */
	public String start(TransferForm form, UUID startKey) {
		String draftId = UUID
			.nameUUIDFromBytes((this.user.subject() + "|start|" + startKey).getBytes(StandardCharsets.UTF_8))
			.toString();
		try {
			this.service.open(draftId, form);
		}
		catch (DuplicateKeyException ex) {
			// The same click again: carry on with the draft it opened.
		}
		TransferService.Outcome outcome = this.service.submit(draftId, form);
		if (outcome instanceof TransferService.Outcome.Submitted submitted) {
			return TransferController.taskPath(submitted.taskId());
		}
		if (outcome instanceof TransferService.Outcome.NeedsConsent consent) {
			return consent.path();
		}
		if (outcome instanceof TransferService.Outcome.Invalid invalid) {
			this.drafts.saveMessage(draftId, "This transfer cannot be submitted as it is: "
					+ invalid.errors().values().stream().collect(Collectors.joining("; ")) + ". Correct it below.");
		}
		else if (outcome instanceof TransferService.Outcome.Failed failed) {
			this.drafts.saveMessage(draftId, failed.message());
		}
		return TransferController.draftPath(draftId);
	}

}
