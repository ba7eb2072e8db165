package org.transferportal.transfer;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Transfers prepared elsewhere in the portal (a lab preset): checked like a form, opened
 * for review, or started in one click — always through the same drafts, preflight,
 * consent round trip and submission id as the transfer form.
 */
@Component
public class PreparedTransfers {

	private final TransferService service;

	private final FormTranslator translator;

	PreparedTransfers(TransferService service, FormTranslator translator) {
		this.service = service;
		this.translator = translator;
	}

	/** Checks a form as a submission would, without submitting it: errors by field. */
	public Map<String, String> check(TransferForm form) {
		return this.translator.translate(form).errors();
	}

	/**
	 * Opens a draft with the form for the user to review: the local path of its page.
	 * {@code key} comes with the page that offers the button, so that a double click
	 * opens one draft.
	 * @throws org.transferportal.support.SlowDownException when the user has opened many
	 * drafts in the last minute
	 */
	public String review(TransferForm form, UUID key) {
		return TransferPaths.draft(this.service.open("review", key, form).id());
	}

	/**
	 * Opens a new draft with the form of one of the user's own submitted requests (its
	 * items and options, without its deadline, which has passed) for review: the local
	 * path of its page, or empty for a request that is not the user's or was never
	 * submitted. Nothing is submitted.
	 * @throws org.transferportal.support.SlowDownException when the user has opened many
	 * drafts in the last minute
	 */
	public Optional<String> again(String requestId) {
		return this.service.draft(requestId)
			.filter(TransferDrafts.Draft::submitted)
			.map((draft) -> review(draft.form().withoutDeadline(), UUID.randomUUID()));
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
	 *
	 * <p>
	 * A transfer that deletes files at its destination needs the same confirmation as in
	 * the form ({@link DeletionConfirmation}); without it, the browser goes to the
	 * draft's form, which asks for it.
	 * @throws org.transferportal.support.SlowDownException when the user has opened many
	 * drafts in the last minute
	 */
	public String start(TransferForm form, UUID startKey, String deletionConfirmation) {
		String draftId = this.service.open("start", startKey, form).id();
		return this.service.submit(draftId, form, deletionConfirmation).nextPath(draftId);
	}

}
