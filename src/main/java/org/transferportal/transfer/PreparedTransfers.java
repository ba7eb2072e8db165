package org.transferportal.transfer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.TransferDocument;

/**
 * Transfers prepared elsewhere in the portal (a lab preset, a past transfer run again, a
 * retry of what failed): checked like a form, opened for review, or started in one click
 * — always through the same drafts, preflight, consent round trip and submission id as
 * the transfer form.
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
		return again(requestId, false);
	}

	/**
	 * As {@link #again(String)}; with {@code onlyChanged}, the new transfer copies only
	 * what is missing or newer on the source (unless the request chose a sync level of
	 * its own).
	 */
	public Optional<String> again(String requestId, boolean onlyChanged) {
		return this.service.draft(requestId).filter(TransferDrafts.Draft::submitted).map((draft) -> {
			TransferForm form = draft.form().withoutDeadline();
			return review(onlyChanged ? form.onlyChanged() : form);
		});
	}

	/**
	 * The user's own transfer, submitted through the portal, that became this task: its
	 * form and the items it sent; empty for any other task.
	 */
	public Optional<RecordedTransfer> recorded(String taskId) {
		return this.service.draftOfTask(taskId).map((draft) -> {
			TransferForm form = draft.form().withoutDeadline();
			FormTranslator.Result result = this.translator.translate(form);
			return new RecordedTransfer(draft.id(), taskId, form,
					result.valid() ? result.document().data() : List.of());
		});
	}

	/**
	 * Opens a new draft of a recorded transfer with only these items (those that failed
	 * or were skipped), for review: its options but not its deadline, nor deleting extra
	 * destination files; the local path of its page. Nothing is submitted.
	 */
	public String retry(RecordedTransfer recorded, List<TransferDocument.Item> items) {
		TransferForm original = recorded.form();
		boolean anyFolder = items.stream().anyMatch((item) -> !Boolean.FALSE.equals(item.recursive()));
		String batch = RetryBatch.of(items, original.sourcePath(), original.destinationPath());
		return review(original.retrying(batch, retryLabel(original.label(), recorded.taskId()), anyFolder));
	}

	/** "Retry: " and the original label, within the label's length; or the task named. */
	static String retryLabel(String label, String taskId) {
		String clean = Label.clean(label);
		String retry = clean.isEmpty() ? "Retry of task " + taskId : "Retry: " + clean;
		return (retry.length() <= Label.MAX_LENGTH) ? retry : retry.substring(0, Label.MAX_LENGTH).strip();
	}

	/**
	 * A transfer the user submitted through the portal.
	 *
	 * @param requestId the portal's request id
	 * @param taskId the task it became
	 * @param form the form as submitted, without its deadline (which has passed)
	 * @param items the items it sent (empty if its form no longer passes today's rules)
	 */
	public record RecordedTransfer(String requestId, String taskId, TransferForm form,
			List<TransferDocument.Item> items) {
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
