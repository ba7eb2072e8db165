package org.transferportal.globus;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.globus.GlobusFixtures.body;

/**
 * Turning canned Globus error bodies into the error model, without HTTP.
 */
class GlobusErrorsTests {

	private static final String DATA_ACCESS_SCOPE = "urn:globus:auth:scope:transfer.api.globus.org:all"
			+ "[*https://auth.globus.org/scopes/11111111-2222-3333-4444-555555555555/data_access]";

	private final GlobusErrors errors = new GlobusErrors(GlobusClients.globusJson());

	@Test
	void consentRequiredWithAuthorizationParametersIsAConsentError() {
		GlobusException ex = this.errors.toException(403, body("errors/consent_required.json"), "/x");

		assertThat(ex).isInstanceOf(AuthorizationRequiredException.class);
		AuthorizationRequiredException required = (AuthorizationRequiredException) ex;
		assertThat(required.isConsentRequired()).isTrue();
		assertThat(required.status()).isEqualTo(403);
		assertThat(required.code()).isEqualTo("ConsentRequired");
		assertThat(required.getMessage()).isEqualTo("Missing required data_access consent");
		assertThat(required.requestId()).isEqualTo("m8RfX3cES");
		assertThat(required.resource()).isEqualTo("/operation/endpoint/11111111-2222-3333-4444-555555555555/ls");
		assertThat(required.parameters().requiredScopes()).containsExactly(DATA_ACCESS_SCOPE);
		assertThat(required.parameters().sessionMessage()).isEqualTo("Missing required data_access consent");
		assertThat(required.parameters().requiresSession()).isFalse();
		assertThat(required.isRetryable()).isFalse();
	}

	@Test
	void legacyConsentRequiredWithoutAuthorizationParametersIsAConsentError() {
		GlobusException ex = this.errors.toException(403, body("errors/consent_required_legacy.json"), "/x");

		assertThat(ex).isInstanceOf(AuthorizationRequiredException.class);
		AuthorizationRequiredException required = (AuthorizationRequiredException) ex;
		assertThat(required.isConsentRequired()).isTrue();
		assertThat(required.requestId()).isEqualTo("kT3pW0aZq");
		assertThat(required.resource()).isEqualTo("/transfer");
		assertThat(required.parameters().requiredScopes()).containsExactly(DATA_ACCESS_SCOPE);
		assertThat(required.parameters().sessionMessage()).isEqualTo("Missing required data_access consent");
	}

	@Test
	void consentRequiredWithoutAnyScopesIsAPlainError() {
		String body = "{\"code\":\"ConsentRequired\",\"message\":\"no scopes\",\"request_id\":\"r1\",\"required_scopes\":[]}";

		GlobusException ex = this.errors.toException(403, body, "/x");

		assertThat(ex).isNotInstanceOf(AuthorizationRequiredException.class);
		assertThat(ex.code()).isEqualTo("ConsentRequired");
	}

	@Test
	void consentRequiredGareWithoutScopesIsNotTheDataAccessKind() {
		String body = "{\"code\":\"ConsentRequired\",\"message\":\"m\",\"request_id\":\"r2\","
				+ "\"authorization_parameters\":{\"session_required_mfa\":true}}";

		AuthorizationRequiredException ex = (AuthorizationRequiredException) this.errors.toException(403, body, "/x");

		assertThat(ex.isConsentRequired()).isFalse();
		assertThat(ex.parameters().requiresSession()).isTrue();
	}

	@Test
	void authPolicyFailedReadsPoliciesGivenAsACommaSeparatedString() {
		GlobusException ex = this.errors.toException(403, body("errors/auth_policy_failed.json"), "/x");

		AuthorizationRequiredException required = (AuthorizationRequiredException) ex;
		assertThat(required.isConsentRequired()).isFalse();
		assertThat(required.code()).isEqualTo("AuthPolicyFailed");
		assertThat(required.requestId()).isEqualTo("MSbPbMR9n");
		assertThat(required.parameters().sessionRequiredPolicies())
			.containsExactly("9d2a1c7e-3b7f-4e26-9d1b-6f2d5c1b0a11", "c1f0e2b3-7a4d-4f51-8e2a-0b9c8d7e6f22");
		assertThat(required.parameters().requiredScopes()).isEmpty();
		assertThat(required.parameters().requiresSession()).isTrue();
		assertThat(required.parameters().sessionMessage()).isEqualTo("Failing collection authentication policy");
	}

	@Test
	void authPolicyFailedReadsPoliciesGivenAsAListWithMfaAndPrompt() {
		GlobusException ex = this.errors.toException(403, body("errors/auth_policy_failed_list.json"), "/x");

		AuthorizationRequiredException required = (AuthorizationRequiredException) ex;
		assertThat(required.parameters().sessionRequiredPolicies())
			.containsExactly("9d2a1c7e-3b7f-4e26-9d1b-6f2d5c1b0a11", "c1f0e2b3-7a4d-4f51-8e2a-0b9c8d7e6f22");
		assertThat(required.parameters().sessionRequiredMfa()).isTrue();
		assertThat(required.parameters().prompt()).isEqualTo("login");
	}

	@Test
	void loginFailedArrivingWith502IsStillAnAuthorizationRequirement() {
		GlobusException ex = this.errors.toException(502, body("errors/login_failed_502.json"), "/x");

		AuthorizationRequiredException required = (AuthorizationRequiredException) ex;
		assertThat(required.status()).isEqualTo(502);
		assertThat(required.code()).isEqualTo("ExternalError.DirListingFailed.LoginFailed");
		assertThat(required.hasCode("ExternalError.DirListingFailed")).isTrue();
		assertThat(required.isStorageError()).isTrue();
		assertThat(required.isRetryable()).isFalse();
		assertThat(required.isConsentRequired()).isFalse();
		assertThat(required.parameters().sessionRequiredSingleDomain()).containsExactly("uchicago.edu");
		assertThat(required.parameters().requiresSession()).isTrue();
		assertThat(required.requestId()).isEqualTo("Fq7Lr2bYt");
	}

	@Test
	void dependentConsentRequiredFromAuthIsAConsentError() {
		GlobusException ex = this.errors.toException(403, body("auth/dependent_consent_required.json"),
				"/v2/oauth2/token");

		AuthorizationRequiredException required = (AuthorizationRequiredException) ex;
		assertThat(required.isConsentRequired()).isTrue();
		assertThat(required.parameters().requiredScopes())
			.containsExactly("https://auth.globus.org/scopes/1405823f-0597-4a16-b296-46d4f0ae4b15/data_access");
		assertThat(required.requestId()).isEqualTo("d5b3c9f4-8e3a-4c77-9c2a-4b6e3f1a0d99");
		assertThat(required.resource()).isEqualTo("/v2/oauth2/token");
	}

	@Test
	void authenticationFailedIsUnauthorized() {
		GlobusException ex = this.errors.toException(401, body("errors/authentication_failed.json"), "/x");

		assertThat(ex).isInstanceOf(GlobusUnauthorizedException.class);
		assertThat(ex.code()).isEqualTo("AuthenticationFailed");
		assertThat(ex.requestId()).isEqualTo("Q3mVd8yTe");
		assertThat(ex.getMessage()).isEqualTo("Token is not active");
	}

	@Test
	void aRefusedTokenIsNoApiFailureSoACatchOfFailuresLeavesItToTheLoginAgainPage() {
		GlobusException ex = this.errors.toException(401, body("errors/authentication_failed.json"), "/x");

		assertThat(ex).isNotInstanceOf(GlobusApiException.class);
		assertThat(catchApiFailure(ex)).as("caught as an API failure").isFalse();
		assertThat(catchApiFailure(this.errors.toException(403, body("errors/permission_denied.json"), "/x"))).isTrue();
	}

	private static boolean catchApiFailure(GlobusException thrown) {
		try {
			throw thrown;
		}
		catch (GlobusApiException ex) {
			return true;
		}
		catch (GlobusUnauthorizedException ex) {
			return false;
		}
	}

	@Test
	void authUnauthorizedReadsTheErrorsArray() {
		GlobusException ex = this.errors.toException(401, body("auth/error_unauthorized.json"), "/v2/oauth2/userinfo");

		assertThat(ex).isInstanceOf(GlobusUnauthorizedException.class);
		assertThat(ex.code()).isEqualTo("unauthorized");
		assertThat(ex.getMessage()).isEqualTo("Unauthorized");
		assertThat(ex.requestId()).isEqualTo("b3f1a7d2-6c1e-4a55-9a0e-2f4c1d9e8b77");
		assertThat(ex.resource()).isEqualTo("/v2/oauth2/userinfo");
	}

	@Test
	void authForbiddenIsAPlainError() {
		GlobusException ex = this.errors.toException(403, body("auth/error_forbidden.json"), "/v2/api");

		assertThat(ex).isNotInstanceOf(AuthorizationRequiredException.class)
			.isNotInstanceOf(GlobusUnauthorizedException.class);
		assertThat(ex.code()).isEqualTo("forbidden");
		assertThat(ex.requestId()).isEqualTo("c4a2b8e3-7d2f-4b66-8b1f-3a5d2e0f9c88");
	}

	@Test
	void invalidGrantIsUnauthorizedWhateverTheStatus() {
		assertThat(this.errors.toException(401, body("auth/invalid_grant.json"), "/t"))
			.isInstanceOf(GlobusUnauthorizedException.class);
		// RFC 6749 section 5.2 answers invalid_grant with 400.
		GlobusException ex = this.errors.toException(400, body("auth/invalid_grant.json"), "/t");
		assertThat(ex).isInstanceOf(GlobusUnauthorizedException.class);
		assertThat(ex.code()).isEqualTo("invalid_grant");
	}

	@Test
	void permissionDeniedKeepsCodeMessageAndRequestId() {
		GlobusException ex = this.errors.toException(403, body("errors/permission_denied.json"), "/x");

		assertThat(ex.getClass()).isEqualTo(GlobusApiException.class);
		assertThat(ex.status()).isEqualTo(403);
		assertThat(ex.code()).isEqualTo("PermissionDenied");
		assertThat(ex.requestId()).isEqualTo("hJ6tQ0xVs");
		assertThat(ex.resource()).isEqualTo("/task/b8872740-7edc-11ec-9f33-ed182a728dff");
		assertThat(ex.isRetryable()).isFalse();
	}

	@Test
	void notFoundCodesMatchByPrefix() {
		GlobusException notFound = this.errors.toException(404, body("errors/not_found.json"), "/x");
		GlobusException endpoint = this.errors.toException(404, body("errors/endpoint_not_found.json"), "/x");
		GlobusException items = this.errors.toException(400, body("errors/no_transfer_items.json"), "/x");

		assertThat(notFound.hasCode("NotFound")).isTrue();
		assertThat(endpoint.code()).isEqualTo("EndpointNotFound");
		assertThat(endpoint.hasCode("NotFound")).isFalse();
		assertThat(endpoint.getMessage()).isEqualTo("No such endpoint '00000000-0000-0000-0000-000000000000'");
		assertThat(items.hasCode("ClientError.BadRequest")).isTrue();
		assertThat(items.hasCode("ClientError.Bad")).isFalse();
	}

	@Test
	void storageErrorsAreNeverRetryable() {
		assertThat(this.errors.toException(502, body("errors/dir_listing_failed_502.json"), "/x").isRetryable())
			.isFalse();
		assertThat(this.errors.toException(502, body("errors/endpoint_error_502.json"), "/x").isRetryable()).isFalse();
		assertThat(this.errors.toException(502, body("errors/exists_502.json"), "/x").isRetryable()).isFalse();
		assertThat(this.errors.toException(503, body("errors/service_unavailable.json"), "/x").isRetryable()).isTrue();
		assertThat(this.errors.toException(500, body("errors/internal_error.json"), "/x").isRetryable()).isTrue();
	}

	@Test
	void htmlTruncatedAndEmptyBodiesBecomeUnexpectedResponses() {
		for (String text : new String[] { body("errors/bad_gateway.html"), body("errors/truncated.json"), "", "[]",
				"null" }) {
			GlobusException ex = this.errors.toException(502, text, "/task_list");
			assertThat(ex.status()).isEqualTo(502);
			assertThat(ex.code()).isEqualTo("UnexpectedResponse");
			assertThat(ex.getMessage()).contains("502");
			assertThat(ex.resource()).isEqualTo("/task_list");
			assertThat(ex.isRetryable()).isTrue();
		}
	}

	@Test
	void emptyBodyWith401IsUnauthorized() {
		GlobusException ex = this.errors.toException(401, "", "/x");

		assertThat(ex).isInstanceOf(GlobusUnauthorizedException.class);
		assertThat(ex.status()).isEqualTo(401);
	}

	@Test
	void bodyWithoutCodeGetsAGenericCodeAndMessage() {
		GlobusException ex = this.errors.toException(409, "{\"request_id\":\"abc\"}", "/x");

		assertThat(ex.code()).isEqualTo("Unknown");
		assertThat(ex.getMessage()).isEqualTo("Globus answered HTTP 409");
		assertThat(ex.requestId()).isEqualTo("abc");
	}

	@Test
	void timersValidationAnswersListEachFieldAndItsProblem() {
		GlobusException ex = this.errors.toException(422, body("timers/error_validation.json"), "/v2/timer");

		assertThat(ex).isInstanceOf(GlobusApiException.class);
		assertThat(ex.code()).isEqualTo("ValidationError");
		assertThat(ex.getMessage()).isEqualTo("Globus refused the request: schedule.end.count: field required; "
				+ "schedule.interval_seconds: ensure this value is greater than or equal to 60");
		assertThat(ex.isRetryable()).isFalse();
	}

	@Test
	void timersOtherErrorsAreReadFromTheirErrorObject() {
		GlobusException ex = this.errors.toException(500, body("timers/error_other.json"), "/jobs/");

		assertThat(ex.code()).isEqualTo("ERROR");
		assertThat(ex.getMessage()).isEqualTo("Request failed terribly");
		assertThat(ex.isRetryable()).isTrue();
	}

}
