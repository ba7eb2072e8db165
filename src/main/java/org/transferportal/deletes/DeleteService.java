package org.transferportal.deletes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

import org.transferportal.auth.ConsentRoundTrip;
import org.transferportal.auth.CurrentUser;
import org.transferportal.collections.CollectionDirectory;
import org.transferportal.globus.AuthorizationParameters;
import org.transferportal.globus.AuthorizationRequiredException;
import org.transferportal.globus.Collection;
import org.transferportal.globus.DeleteDocument;
import org.transferportal.globus.FileList;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.GlobusUnauthorizedException;
import org.transferportal.globus.ListingQuery;
import org.transferportal.globus.SubmitResult;
import org.transferportal.globus.TransferClient;
import org.transferportal.lab.LabProperties;
import org.transferportal.support.RateLimiter;

/**
 * Deletes files and folders through a Transfer delete task: opened from the file
 * manager's selection as a draft, previewed, confirmed (a folder's name typed), and
 * submitted exactly once — the draft keeps its submission id, so a lost answer, a second
 * click or a return from Globus Auth can never make a second task.
 */
@Service
class DeleteService {

	private static final Log logger = LogFactory.getLog(DeleteService.class);

	/** Pending-action kind of a confirmed delete waiting for consent. */
	static final String PENDING_KIND = "delete";

	/** Trips to Globus Auth one delete may cause before the portal stops asking. */
	static final int MAX_TRIPS = 3;

	private final CurrentUser user;

	private final DeleteDrafts drafts;

	private final CollectionDirectory collections;

	private final ConsentRoundTrip consent;

	private final LabProperties lab;

	private final RateLimiter rateLimiter;

	private final MeterRegistry meters;

	DeleteService(CurrentUser user, DeleteDrafts drafts, CollectionDirectory collections, ConsentRoundTrip consent,
			LabProperties lab, RateLimiter rateLimiter, MeterRegistry meters) {
		this.user = user;
		this.drafts = drafts;
		this.collections = collections;
		this.consent = consent;
		this.lab = lab;
		this.rateLimiter = rateLimiter;
		this.meters = meters;
	}

	/**
	 * Opens a draft for what the file manager selected: its id, or why it cannot go (then
	 * nothing is kept).
	 */
	Opened open(String collection, String folder, List<String> items, boolean wholeFolder) {
		DeleteSelection.Read read = DeleteSelection.read(collection, folder, items, wholeFolder, this.lab);
		if (!read.valid()) {
			return new Opened(null, read.problem());
		}
		String home = home(this.user.transfer(), read.form().collection());
		String problem = (home != null) ? DeleteSelection.protectedProblem(read.form(), List.of(home)) : null;
		if (problem != null) {
			return new Opened(null, problem);
		}
		return new Opened(this.drafts.create(this.user.subject(), this.user.username(), read.form()).id(), null);
	}

	/**
	 * The user's home folder on the collection as its storage spells it ({@code /~/}
	 * resolved, e.g. {@code /home/alice/}), which listings show in its place;
	 * {@code null} when Globus cannot say (a collection without homes).
	 */
	private static String home(TransferClient transfer, String collection) {
		try {
			String path = transfer.list(collection, new ListingQuery("/~/", false, null, List.of(), 1, 0, null)).path();
			return (path != null && path.startsWith("/") && !"/".equals(path)) ? path : null;
		}
		catch (GlobusApiException ex) {
			return null;
		}
	}

	/**
	 * A delete draft just opened ({@code draftId}), or why none was ({@code problem}).
	 */
	record Opened(String draftId, String problem) {
	}

	/** The user's own delete. */
	Optional<DeleteDrafts.Draft> draft(String draftId) {
		return this.drafts.find(draftId, this.user.subject());
	}

	/**
	 * What the preview shows: the first entries (what is inside the first folders, listed
	 * by Globus with the user's token) and the counts.
	 */
	DeletePreview preview(DeleteDrafts.Draft draft, String label) {
		DeleteForm form = draft.form();
		TransferClient transfer = this.user.transfer();
		List<DeletePreview.Entry> entries = new ArrayList<>();
		int looked = 0;
		for (String item : form.items().subList(0, Math.min(DeletePreview.SHOWN, form.items().size()))) {
			boolean folder = item.endsWith("/");
			String name = folder ? item.substring(0, item.length() - 1) : item;
			DeletePreview.Inside inside = null;
			if (folder && looked++ < DeletePreview.FOLDERS_LOOKED_INTO) {
				inside = inside(transfer, form.collection(), form.folder() + item);
			}
			entries.add(new DeletePreview.Entry(name, form.folder() + item, folder, inside));
		}
		int folders = form.folders().size();
		return new DeletePreview(draft.id(), form.collection(), collectionName(transfer, form.collection()),
				form.folder(), entries, form.items().size() - entries.size(), form.items().size() - folders, folders,
				form.confirmationPhrase(), form.confirmed(), (label != null) ? label : form.label());
	}

	private static DeletePreview.Inside inside(TransferClient transfer, String collection, String path) {
		try {
			FileList list = transfer.list(collection,
					new ListingQuery(path, true, null, List.of(), DeletePreview.INSIDE_SHOWN, 0, null));
			List<String> names = list.data()
				.stream()
				.map((entry) -> entry.name() + (entry.isDirectory() ? "/" : ""))
				.toList();
			int total = (list.total() != null) ? list.total() : names.size();
			return new DeletePreview.Inside(total, names, null);
		}
		catch (GlobusApiException ex) {
			return new DeletePreview.Inside(0, List.of(), "Globus could not list what is inside just now ("
					+ ex.getMessage() + "); all of it goes with the folder.");
		}
	}

	private String collectionName(TransferClient transfer, String collection) {
		String configured = this.lab.collectionNames().get(collection);
		if (configured != null) {
			return configured;
		}
		try {
			return this.collections.describe(transfer, UUID.fromString(collection)).name();
		}
		catch (GlobusApiException ex) {
			return collection;
		}
	}

	/**
	 * Confirms and submits a delete: the typed confirmation must match for folders, the
	 * label must be one Globus takes, and the lab must still allow it.
	 */
	DeleteOutcome confirm(String draftId, String typed, String label) {
		Optional<DeleteDrafts.Draft> found = draft(draftId);
		if (found.isEmpty()) {
			return DeleteOutcome.Refused.because("This delete has expired or is not yours; nothing was deleted.");
		}
		DeleteDrafts.Draft draft = found.get();
		if (draft.submitted()) {
			return new DeleteOutcome.Submitted(draft.taskId());
		}
		DeleteForm form = draft.form();
		String clean = (label != null) ? label.strip() : form.label();
		String labelProblem = DeleteSelection.labelProblem(clean);
		String phrase = form.confirmationPhrase();
		boolean matches = form.confirmed() || phrase == null || (typed != null && phrase.equals(typed.strip()));
		if (labelProblem != null || !matches) {
			Map<String, String> errors = new LinkedHashMap<>();
			if (!matches) {
				errors.put("confirm", "Type “" + phrase + "” exactly to confirm; nothing was deleted.");
			}
			if (labelProblem != null) {
				errors.put("label", labelProblem);
			}
			return new DeleteOutcome.Refused(null, errors, null);
		}
		Duration wait = this.rateLimiter.acquire(this.user.subject(), RateLimiter.Action.SUBMIT);
		if (!wait.isZero()) {
			return DeleteOutcome.Refused.because("Slow down: you have submitted many tasks in the last minute. "
					+ "Confirm again in " + wait.toSeconds() + " seconds; nothing was deleted.");
		}
		DeleteForm confirmed = form.confirmedWith(clean);
		this.drafts.saveForm(draftId, confirmed);
		return attempt(draft, confirmed);
	}

	/** Submits a confirmed delete after the user came back from Globus Auth. */
	DeleteOutcome resume(String draftId) {
		Optional<DeleteDrafts.Draft> found = draft(draftId);
		if (found.isEmpty()) {
			return DeleteOutcome.Refused.because("This delete has expired or is not yours; nothing was deleted.");
		}
		DeleteDrafts.Draft draft = found.get();
		if (draft.submitted()) {
			return new DeleteOutcome.Submitted(draft.taskId());
		}
		if (!draft.form().confirmed()) {
			return DeleteOutcome.Refused.because("Confirm the delete below; nothing was deleted yet.");
		}
		return attempt(draft, draft.form());
	}

	private DeleteOutcome attempt(DeleteDrafts.Draft draft, DeleteForm form) {
		DeleteOutcome outcome = attemptOnce(draft, form);
		if (outcome instanceof DeleteOutcome.Refused refused && refused.message() != null) {
			this.drafts.saveMessage(draft.id(), refused.message());
		}
		this.meters.counter("portal.delete.submissions", "outcome", outcome.kind()).increment();
		return outcome;
	}

	private DeleteOutcome attemptOnce(DeleteDrafts.Draft draft, DeleteForm form) {
		String policy = DeleteSelection.policyProblem(form, this.lab);
		if (policy != null) {
			return DeleteOutcome.Refused.because(policy);
		}
		TransferClient transfer = this.user.transfer();
		UUID collection = UUID.fromString(form.collection());
		try {
			Set<UUID> missing = missingDataAccess(transfer, collection);
			if (!missing.isEmpty()) {
				return trip(draft.id(), () -> this.consent.startForDataAccess(PENDING_KIND, draft.id(), missing));
			}
			String submissionId = (draft.submissionId() != null) ? draft.submissionId()
					: this.drafts.keepSubmissionId(draft.id(), transfer.submissionId());
			SubmitResult result = transfer.submitDelete(document(form, submissionId));
			this.drafts.markSubmitted(draft.id(), result.taskId(), form);
			logger.info("Delete " + draft.id() + " submitted as task " + result.taskId()
					+ (result.isDuplicate() ? " (Globus already had it)" : ""));
			return new DeleteOutcome.Submitted(result.taskId());
		}
		catch (AuthorizationRequiredException ex) {
			return trip(draft.id(), () -> this.consent.start(PENDING_KIND, draft.id(), ex.parameters()));
		}
		catch (GlobusUnauthorizedException ex) {
			return trip(draft.id(), () -> this.consent.start(PENDING_KIND, draft.id(),
					AuthorizationParameters.scopes(List.of(), null)));
		}
		catch (GlobusApiException ex) {
			return new DeleteOutcome.Refused(message(ex), Map.of(), ex.requestId());
		}
	}

	/**
	 * The delete document: the paths as items, recursive when a folder is among them,
	 * globs never expanded (a name with {@code *} is that name), and a path already gone
	 * no error (it is what the user wanted).
	 */
	static DeleteDocument document(DeleteForm form, String submissionId) {
		List<DeleteDocument.Item> items = form.paths().stream().map(DeleteDocument.Item::new).toList();
		String label = form.label().isBlank() ? null : form.label();
		return new DeleteDocument(submissionId, form.collection(), label, null, null, form.recursive(), true, false,
				null, null, null, items);
	}

	private Set<UUID> missingDataAccess(TransferClient transfer, UUID collection) {
		try {
			Collection document = this.collections.describe(transfer, collection);
			return document.requiresDataAccessScope() ? this.consent.missingDataAccess(List.of(collection)) : Set.of();
		}
		catch (GlobusApiException ex) {
			// Without the document Transfer says what it needs (the reactive path).
			return Set.of();
		}
	}

	private DeleteOutcome trip(String draftId, Supplier<String> start) {
		if (this.drafts.countConsentTrip(draftId) > MAX_TRIPS) {
			return DeleteOutcome.Refused.because("Globus still asks for more consent after " + MAX_TRIPS
					+ " attempts. Check the collection's access policy, or try again later; nothing was deleted.");
		}
		return new DeleteOutcome.NeedsConsent(start.get());
	}

	private static String message(GlobusApiException ex) {
		if (ex.status() == 0 || ex.status() >= 500 && !ex.isStorageError()) {
			return "Globus could not be reached or had a problem, so the portal cannot tell whether the delete "
					+ "was accepted. Confirm again: it is sent with the same submission id, so it is carried out "
					+ "at most once.";
		}
		if (ex.status() == 429) {
			return "Globus is receiving too many requests. Wait a minute and confirm again.";
		}
		return "Globus refused the delete: " + ex.getMessage();
	}

	/** The local path of a delete's preview. */
	static String previewPath(String draftId) {
		return "/deletes/" + UriUtils.encodePathSegment(draftId, StandardCharsets.UTF_8);
	}

	/** The local path of a task's page. */
	static String taskPath(String taskId) {
		return "/tasks/" + UriUtils.encodePathSegment(taskId, StandardCharsets.UTF_8);
	}

}
