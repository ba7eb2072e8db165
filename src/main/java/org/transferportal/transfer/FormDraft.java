package org.transferportal.transfer;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.ServletRequest;

import org.transferportal.globus.CanonicalUuid;

/**
 * Which draft a transfer form's page or post is about, for features that add a section of
 * their own to the form (the notifications' "e-mail about this transfer"). A new form has
 * no draft until its first post makes one under an id derived from the page's key and the
 * user, so that a double post makes one draft and a key never reaches another user's
 * draft.
 */
public final class FormDraft {

	private static final String ATTRIBUTE = FormDraft.class.getName();

	private FormDraft() {
	}

	/** The id of the draft a key makes for a purpose ("form", "start", …) of a user. */
	static String derived(String subject, String purpose, UUID key) {
		return UUID.nameUUIDFromBytes((subject + "|" + purpose + "|" + key).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	/**
	 * The draft a post of the transfer form is about, before its handler runs: the draft
	 * it names, or the one its key makes; {@code null} for a post with neither.
	 */
	public static String posted(String subject, ServletRequest request) {
		String draftId = request.getParameter("draft");
		if (draftId != null && !draftId.isBlank()) {
			return draftId;
		}
		UUID key = CanonicalUuid.parse(request.getParameter("key"));
		return (key != null) ? derived(subject, "form", key) : null;
	}

	static void set(ServletRequest request, String draftId) {
		request.setAttribute(ATTRIBUTE, draftId);
	}

	/**
	 * The draft a form page shows, once its handler ran; {@code null} for a new form that
	 * was never posted.
	 */
	public static String of(ServletRequest request) {
		Object draftId = request.getAttribute(ATTRIBUTE);
		return (draftId instanceof String id) ? id : null;
	}

}
