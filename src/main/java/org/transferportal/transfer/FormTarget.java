package org.transferportal.transfer;

import java.util.UUID;

import org.springframework.util.MultiValueMap;

import org.transferportal.globus.CanonicalUuid;

/**
 * Which draft a transfer form posts to: an existing draft, or the key of a new form, from
 * which the draft is made at the first post (so that a double post makes one).
 *
 * @param draftId the existing draft's id, or {@code null}
 * @param key the new form's key, or {@code null}
 */
record FormTarget(String draftId, UUID key) {

	static FormTarget draft(String draftId) {
		return new FormTarget(draftId, null);
	}

	static FormTarget of(UUID key) {
		return new FormTarget(null, key);
	}

	/**
	 * The target a post names: its draft, or its key. A post with neither (or a key that
	 * is not a UUID) is a new form of its own.
	 */
	static FormTarget from(MultiValueMap<String, String> params) {
		String draftId = params.getFirst("draft");
		if (draftId != null && !draftId.isBlank()) {
			return draft(draftId);
		}
		UUID key = CanonicalUuid.parse(params.getFirst("key"));
		return of((key != null) ? key : UUID.randomUUID());
	}

}
