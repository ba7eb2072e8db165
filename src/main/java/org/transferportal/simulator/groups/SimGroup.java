package org.transferportal.simulator.groups;

import java.util.List;
import java.util.Map;

/**
 * A simulated Globus group and everyone's memberships in it.
 *
 * @param id the group id
 * @param name its name
 * @param description its description
 * @param parentId the parent group, or null
 * @param groupType {@code regular} or {@code plus}
 * @param policies visibility policies, as Groups lists them
 * @param memberships the memberships of every identity, of any status
 */
record SimGroup(String id, String name, String description, String parentId, String groupType,
		Map<String, Object> policies, List<Membership> memberships) {

	/**
	 * One identity's membership.
	 *
	 * @param identityId the identity
	 * @param username its username
	 * @param role {@code member}, {@code manager} or {@code admin}
	 * @param status {@code active}, {@code invited}, {@code pending}, {@code rejected},
	 * {@code declined}, {@code left} or {@code removed}
	 */
	record Membership(String identityId, String username, String role, String status) {
	}

}
