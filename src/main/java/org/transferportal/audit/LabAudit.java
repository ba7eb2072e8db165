package org.transferportal.audit;

import java.util.List;

import org.springframework.stereotype.Service;

import org.transferportal.auth.CurrentUser;
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

	LabAudit(SubmissionRecords log, CurrentUser currentUser, LabAccess access) {
		this.log = log;
		this.currentUser = currentUser;
		this.access = access;
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

	String csv(AuditQuery query) {
		return AuditCsv.write(records(query));
	}

}
