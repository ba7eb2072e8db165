package org.transferportal.notifications;

import java.util.Map;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

import org.transferportal.auth.OfflineTransfer;
import org.transferportal.collections.CollectionDirectory;
import org.transferportal.lab.LabProperties;

/**
 * Collections by name for messages: the lab's name for its collections, else Globus's
 * display name asked with the owner's own tokens; {@code null} when neither is known (the
 * message then shows the id).
 */
// Named apart from collections.CollectionNames (the pages' names, with the viewer's
// token):
// this one names collections for messages sent later, with the owner's stored tokens.
@Component("noticeCollectionNames")
class CollectionNames {

	/** The names of a transfer's two collections (either may be {@code null}). */
	record Pair(String source, String destination) {
	}

	private static final Log logger = LogFactory.getLog(CollectionNames.class);

	private final Map<String, String> lab;

	private final CollectionDirectory directory;

	private final OfflineTransfer owners;

	CollectionNames(LabProperties lab, CollectionDirectory directory, OfflineTransfer owners) {
		this.lab = lab.collectionNames();
		this.directory = directory;
		this.owners = owners;
	}

	Pair of(Notice notice) {
		return new Pair(name(notice.subject(), notice.sourceCollection()),
				name(notice.subject(), notice.destinationCollection()));
	}

	private String name(String subject, String id) {
		if (id == null) {
			return null;
		}
		String known = this.lab.get(id);
		if (known != null) {
			return known;
		}
		try {
			String name = this.directory.describe(this.owners.forSubject(subject), UUID.fromString(id)).displayName();
			return (name != null && !name.isBlank()) ? name : null;
		}
		catch (RuntimeException ex) {
			// The owner's tokens are gone or Globus is unwell: the message names the id.
			logger.debug("No name for collection " + id + ": " + ex.getMessage());
			return null;
		}
	}

}
