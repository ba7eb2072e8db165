package org.transferportal.globus;

import java.util.List;
import java.util.UUID;

/**
 * A Globus group as {@code GET /v2/groups/my_groups} lists it, with the caller's
 * memberships in it (one per identity of the caller's identity set that has one).
 *
 * @param id the group id
 * @param name its name
 * @param description its description, may be null
 * @param parentId the parent group, or null
 * @param groupType e.g. {@code regular} or {@code plus}
 * @param myMemberships the caller's memberships, of any status
 */
public record Group(UUID id, String name, String description, UUID parentId, String groupType,
		List<GroupMembership> myMemberships) {

	public Group {
		myMemberships = (myMemberships != null) ? List.copyOf(myMemberships) : List.of();
	}

	/**
	 * Whether one of the caller's identities is an active member (any role): invited,
	 * pending, rejected, declined, left and removed memberships do not count.
	 */
	public boolean hasActiveMembership() {
		return this.myMemberships.stream().anyMatch(GroupMembership::isActive);
	}

}
