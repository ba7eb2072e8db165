package org.transferportal.globus;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.springframework.http.HttpMethod;

import org.transferportal.globus.GlobusHttp.Answer;
import org.transferportal.globus.GlobusHttp.Retry;

/**
 * Globus Groups v2, read-only: the groups of the holder of a
 * {@code groups.api.globus.org} token. Obtain it from {@link GlobusClients}.
 */
public final class GroupsClient {

	private final GlobusHttp http;

	private final String baseUrl;

	GroupsClient(GlobusHttp http, String baseUrl) {
		this.http = http;
		this.baseUrl = baseUrl;
	}

	/**
	 * The groups the token's holder has a membership in, with those memberships
	 * ({@code GET /v2/groups/my_groups}). A read, so retried like every safe call.
	 * @param groupsToken an access token for {@value GlobusScopes#GROUPS_RESOURCE_SERVER}
	 * @throws GlobusUnauthorizedException if Groups refuses the token
	 * @throws GlobusApiException if Groups fails, cannot be reached, or answers with
	 * something other than a list of groups
	 */
	public List<Group> myGroups(String groupsToken) {
		URI uri = URI.create(this.baseUrl + "/v2/groups/my_groups");
		Answer answer = this.http.exchange("groups.get_my_groups", HttpMethod.GET, uri, null, Retry.SAFE,
				(headers) -> headers.setBearerAuth(groupsToken));
		return Arrays.stream(this.http.read(answer, uri, Group[].class)).filter(Objects::nonNull).toList();
	}

}
