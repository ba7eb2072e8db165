package org.transferportal.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import org.transferportal.auth.CurrentUser;
import org.transferportal.collections.CollectionNames;
import org.transferportal.lab.LabAccess;

/**
 * The lab audit: admins see every submission, members only their own.
 */
@Service
class LabAudit {

	/** The most rows one page or one export shows. */
	static final int LIMIT = 5000;

	private final SubmissionRecords log;

	private final CurrentUser currentUser;

	private final LabAccess access;

	private final CollectionNames names;

	LabAudit(SubmissionRecords log, CurrentUser currentUser, LabAccess access, CollectionNames names) {
		this.log = log;
		this.currentUser = currentUser;
		this.access = access;
		this.names = names;
	}

	/** Whether the logged-in user sees everyone's records. */
	boolean seesEveryone() {
		return this.access.isAdmin(this.currentUser.username());
	}

	List<SubmissionRecord> records(AuditQuery query) {
		if (!query.collectionValid()) {
			return List.of();
		}
		return this.log.find(query.filter(), seesEveryone() ? null : this.currentUser.subject(), LIMIT);
	}

	/** The names of the records' collections, as the viewer may know them. */
	Map<String, String> names(List<SubmissionRecord> records) {
		List<String> ids = new ArrayList<>();
		for (SubmissionRecord record : records) {
			ids.add(record.sourceCollection());
			ids.add(record.destinationCollection());
		}
		return this.names.of(ids);
	}

	String csv(AuditQuery query) {
		List<SubmissionRecord> records = records(query);
		return AuditCsv.write(records, names(records));
	}

}
