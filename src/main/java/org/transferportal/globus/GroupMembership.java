package org.transferportal.globus;

import java.util.UUID;

/**
 * One identity's membership in a Globus group.
 *
 * @param groupId the group
 * @param identityId the member identity
 * @param username its Globus username
 * @param role {@code member}, {@code manager} or {@code admin}
 * @param status {@code active}, {@code invited}, {@code pending}, {@code rejected},
 * {@code declined}, {@code left} or {@code removed}
 */
public record GroupMembership(UUID groupId, UUID identityId, String username, String role, String status) {

	/** Whether the membership is in force. */
	public boolean isActive() {
		return "active".equals(this.status);
	}

}
