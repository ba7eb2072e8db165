package org.transferportal.lab;

import java.util.List;

import org.springframework.stereotype.Service;

import org.transferportal.auth.CurrentUser;

/**
 * The lab audit: admins see every submission, members only their own.
 */
@Service
class LabAudit {

	private final AuditLog log;

	private final CurrentUser currentUser;

	private final LabAccess access;

	LabAudit(AuditLog log, CurrentUser currentUser, LabAccess access) {
		this.log = log;
		this.currentUser = currentUser;
		this.access = access;
	}

	/** Whether the logged-in user sees everyone's records. */
	boolean seesEveryone() {
		return this.access.isAdmin(this.currentUser.username());
	}

	List<AuditRecord> records(AuditQuery query) {
		if (!query.collectionValid()) {
			return List.of();
		}
		return this.log.find(query, seesEveryone() ? null : this.currentUser.subject());
	}

	String csv(AuditQuery query) {
		return AuditCsv.write(records(query));
	}

}
