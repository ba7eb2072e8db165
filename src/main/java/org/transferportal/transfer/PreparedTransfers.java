package org.transferportal.transfer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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

	private final FormTranslator translator;

	private final CurrentUser user;

	PreparedTransfers(TransferService service, FormTranslator translator, CurrentUser user) {
		this.service = service;
		this.translator = translator;
		this.user = user;
	}

	/** Checks a form as a submission would, without submitting it: errors by field. */
	public Map<String, String> check(TransferForm form) {
		return this.translator.translate(form).errors();
	}

	/** Opens a draft with the form for the user to review; the local path of its page. */
	public String review(TransferForm form) {
		return TransferPaths.draft(this.service.open(form).id());
	}

	/**
	 * Opens a new draft with the form of one of the user's own submitted requests (its
	 * items and options, without its deadline, which has passed) for review: the local
	 * path of its page, or empty for a request that is not the user's or was never
	 * submitted. Nothing is submitted.
	 */
	public Optional<String> again(String requestId) {
		return this.service.draft(requestId)
			.filter(TransferDrafts.Draft::submitted)
			.map((draft) -> review(draft.form().withoutDeadline()));
	}

	/**
	 * Like {@link #again(String)}, for the request of one of the user's tasks: empty when
	 * the portal did not submit that task for the user.
	 */
	public Optional<String> againForTask(String taskId) {
		return this.service.draftOfTask(taskId).map((draft) -> review(draft.form().withoutDeadline()));
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
		return this.service.submit(draftId, form).nextPath(draftId);
	}

}
