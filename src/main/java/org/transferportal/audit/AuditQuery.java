package org.transferportal.audit;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.util.StringUtils;

import org.transferportal.globus.CanonicalUuid;

/**
 * The filters of the lab audit, as typed in its form.
 *
 * @param user a Globus username, or part of one
 * @param collection a collection id, as source or destination
 * @param from first day (UTC), inclusive
 * @param to last day (UTC), inclusive
 */
record AuditQuery(String user, String collection, LocalDate from, LocalDate to) {

	AuditQuery {
		user = StringUtils.hasText(user) ? user.trim().toLowerCase(Locale.ROOT) : null;
		collection = StringUtils.hasText(collection) ? collection.trim().toLowerCase(Locale.ROOT) : null;
	}

	/** The filter to read the records with. */
	SubmissionFilter filter() {
		return new SubmissionFilter(this.user, this.collection, this.from, this.to);
	}

	/**
	 * Whether the collection filter is a well-formed id (anything else matches nothing).
	 */
	boolean collectionValid() {
		return this.collection == null || CanonicalUuid.parse(this.collection) != null;
	}

}
