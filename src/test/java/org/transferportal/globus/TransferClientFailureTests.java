package org.transferportal.globus;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.transferportal.globus.GlobusFixtures.RecordingSleeper;
import org.transferportal.globus.GlobusFixtures.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.transferportal.globus.GlobusFixtures.json;

/**
 * How the Transfer client fails: each Globus error class, token refresh on 401, retries
 * with back-off and Retry-After, and answers that are no answers at all.
 */
class TransferClientFailureTests {

	private static final String MAPPED = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	private static final String TASK = "b8872740-7edc-11ec-9f33-ed182a728dff";

	private static final String LS = "/v0.10/operation/endpoint/" + MAPPED + "/ls";

	private static final String TASK_PATH = "/v0.10/task/" + TASK;

	@RegisterExtension
	static final GlobusServer server = new GlobusServer();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	private final Tokens tokens = new Tokens("AgXferTokOld", "AgXferTokNew");

	private TransferClient client() {
		return client(GlobusFixtures.properties(server));
	}

	private TransferClient client(GlobusProperties properties) {
		return GlobusFixtures.clients(properties, this.sleeper).transfer(this.tokens);
	}

	private TransferClient clientWithTimeout(Duration timeout, int maxRetries) {
		return client(GlobusFixtures.properties(server, timeout, maxRetries));
	}

	private void stubInSequence(String path,
			com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
		String state = Scenario.STARTED;
		for (int i = 0; i < answers.length; i++) {
			String next = (i == answers.length - 1) ? state : "attempt " + (i + 2);
			server.stubFor(any(urlPathEqualTo(path)).inScenario(path)
				.whenScenarioStateIs(state)
				.willSetStateTo(next)
				.willReturn(answers[i]));
			state = next;
		}
	}

	private static TransferDocument document() {
		return new TransferDocument("0f6c7b0e-1c3a-4b0e-9a31-0d2b5a0c7e11", MAPPED,
				"313ce13e-b597-5858-ae13-29e46fea26e6", "nightly", null, true, null, null, null, null, null, null, null,
				null, null, null, null, null, List.of(TransferDocument.Item.of("/a b/#1", "/~/a b/#1", false)));
	}

	@Test
	void consentRequiredOnListingIsThrownWithTheRequiredScopesAndNotRetried() {
		server.stubFor(get(urlPathEqualTo(LS)).willReturn(json(403, "errors/consent_required.json")));

		AuthorizationRequiredException ex = catchThrowableOfType(AuthorizationRequiredException.class,
				() -> client().list(MAPPED, ListingQuery.of("/~/")));

		assertThat(ex.isConsentRequired()).isTrue();
		assertThat(ex.status()).isEqualTo(403);
		assertThat(ex.requestId()).isEqualTo("m8RfX3cES");
		assertThat(ex.parameters().requiredScopes()).singleElement()
			.asString()
			.endsWith("[*https://auth.globus.org/scopes/11111111-2222-3333-4444-555555555555/data_access]");
		server.verify(1, anyRequestedFor(anyUrl()));
		assertThat(this.sleeper.waits).isEmpty();
		assertThat(this.tokens.refreshes).isZero();
	}

	@Test
	void legacyConsentRequiredOnSubmitIsAConsentError() {
		server.stubFor(post("/v0.10/transfer").willReturn(json(403, "errors/consent_required_legacy.json")));

		AuthorizationRequiredException ex = catchThrowableOfType(AuthorizationRequiredException.class,
				() -> client().submitTransfer(document()));

		assertThat(ex.isConsentRequired()).isTrue();
		assertThat(ex.parameters().requiredScopes()).hasSize(1);
		assertThat(ex.resource()).isEqualTo("/transfer");
	}

	@Test
	void authPolicyFailedIsASessionRequirement() {
		server.stubFor(get(urlPathEqualTo(LS)).willReturn(json(403, "errors/auth_policy_failed.json")));

		AuthorizationRequiredException ex = catchThrowableOfType(AuthorizationRequiredException.class,
				() -> client().list(MAPPED, ListingQuery.of("/")));

		assertThat(ex.isConsentRequired()).isFalse();
		assertThat(ex.parameters().sessionRequiredPolicies()).hasSize(2);
	}

	@Test
	void loginFailedWith502IsAnAuthorizationRequirementAndNotRetried() {
		server.stubFor(get(urlPathEqualTo(LS)).willReturn(json(502, "errors/login_failed_502.json")));

		AuthorizationRequiredException ex = catchThrowableOfType(AuthorizationRequiredException.class,
				() -> client().list(MAPPED, ListingQuery.of("/")));

		assertThat(ex.status()).isEqualTo(502);
		assertThat(ex.parameters().sessionRequiredSingleDomain()).containsExactly("uchicago.edu");
		server.verify(1, anyRequestedFor(anyUrl()));
		assertThat(this.sleeper.waits).isEmpty();
	}

	@Test
	void expiredTokenIsRefreshedOnceAndTheCallRepeatedWithTheNewToken() {
		stubInSequence(TASK_PATH, json(401, "errors/authentication_failed.json"),
				json(200, "transfer/task_active.json"));

		Task task = client().task(TASK);

		assertThat(task.taskId()).isEqualTo(TASK);
		assertThat(this.tokens.refreshes).isEqualTo(1);
		List<LoggedRequest> requests = server.findAll(getRequestedFor(urlPathEqualTo(TASK_PATH)));
		assertThat(requests).extracting((r) -> r.getHeader("Authorization"))
			.containsExactly("Bearer AgXferTokOld", "Bearer AgXferTokNew");
		assertThat(this.sleeper.waits).isEmpty();
	}

	@Test
	void refreshedTokenIsUsedEvenWhenTheProviderStillHandsOutTheOldOne() {
		stubInSequence(TASK_PATH, json(401, "errors/authentication_failed.json"),
				json(200, "transfer/task_active.json"));
		AccessTokenProvider stale = new AccessTokenProvider() {

			@Override
			public String accessToken() {
				return "AgXferTokOld";
			}

			@Override
			public String refreshAccessToken() {
				return "AgXferTokNew";
			}

		};

		GlobusFixtures.clients(GlobusFixtures.properties(server), this.sleeper).transfer(stale).task(TASK);

		assertThat(server.findAll(getRequestedFor(urlPathEqualTo(TASK_PATH))))
			.extracting((r) -> r.getHeader("Authorization"))
			.containsExactly("Bearer AgXferTokOld", "Bearer AgXferTokNew");
	}

	@Test
	void secondRefusalAfterRefreshIsUnauthorized() {
		server.stubFor(get(TASK_PATH).willReturn(json(401, "errors/authentication_failed.json")));

		GlobusUnauthorizedException ex = catchThrowableOfType(GlobusUnauthorizedException.class,
				() -> client().task(TASK));

		assertThat(ex.status()).isEqualTo(401);
		assertThat(ex.code()).isEqualTo("AuthenticationFailed");
		assertThat(ex.requestId()).isEqualTo("Q3mVd8yTe");
		assertThat(this.tokens.refreshes).isEqualTo(1);
		server.verify(2, getRequestedFor(urlPathEqualTo(TASK_PATH)));
	}

	@Test
	void failedRefreshEndsTheCallWithoutAnotherRequest() {
		server.stubFor(get(TASK_PATH).willReturn(json(401, "errors/authentication_failed.json")));
		AccessTokenProvider dead = new AccessTokenProvider() {

			@Override
			public String accessToken() {
				return "AgXferTokOld";
			}

			@Override
			public String refreshAccessToken() {
				throw new GlobusUnauthorizedException(401, "invalid_grant", "refresh token expired", null,
						"/v2/oauth2/token");
			}

		};

		GlobusUnauthorizedException ex = catchThrowableOfType(GlobusUnauthorizedException.class,
				() -> GlobusFixtures.clients(GlobusFixtures.properties(server), this.sleeper)
					.transfer(dead)
					.task(TASK));

		assertThat(ex.code()).isEqualTo("invalid_grant");
		server.verify(1, getRequestedFor(urlPathEqualTo(TASK_PATH)));
	}

	@Test
	void unauthorizedSubmissionIsResentWithTheSameBodyAfterRefresh() {
		stubInSequence("/v0.10/transfer", json(401, "errors/authentication_failed.json"),
				json(202, "transfer/submit_accepted.json"));

		client().submitTransfer(document());

		List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo("/v0.10/transfer")));
		assertThat(requests).hasSize(2);
		assertThat(requests.get(1).getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
	}

	@Test
	void permissionDeniedCarriesStatusCodeMessageAndRequestId() {
		server.stubFor(get(TASK_PATH).willReturn(json(403, "errors/permission_denied.json")));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class, () -> client().task(TASK));

		assertThat(ex.getClass()).isEqualTo(GlobusApiException.class);
		assertThat(ex.status()).isEqualTo(403);
		assertThat(ex.code()).isEqualTo("PermissionDenied");
		assertThat(ex.getMessage()).startsWith("You do not have permission");
		assertThat(ex.requestId()).isEqualTo("hJ6tQ0xVs");
		server.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void missingPathIsNotFound() {
		server.stubFor(get(urlPathEqualTo("/v0.10/operation/endpoint/" + MAPPED + "/stat"))
			.willReturn(json(404, "errors/not_found.json")));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class, () -> client().stat(MAPPED, "/nope"));

		assertThat(ex.status()).isEqualTo(404);
		assertThat(ex.hasCode("NotFound")).isTrue();
		assertThat(ex.requestId()).isEqualTo("zV7cD4tHj");
		server.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void unknownCollectionIsEndpointNotFound() {
		String none = "00000000-0000-0000-0000-000000000000";
		server.stubFor(get("/v0.10/endpoint/" + none).willReturn(json(404, "errors/endpoint_not_found.json")));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class, () -> client().collection(none));

		assertThat(ex.code()).isEqualTo("EndpointNotFound");
		assertThat(ex.resource()).isEqualTo("/endpoint/" + none);
	}

	@Test
	void storageDeniedPathIsEndpointPermissionDenied() {
		server.stubFor(get(urlPathEqualTo("/v0.10/operation/endpoint/" + MAPPED + "/stat"))
			.willReturn(json(403, "errors/endpoint_permission_denied.json")));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class, () -> client().stat(MAPPED, "/root"));

		assertThat(ex.code()).isEqualTo("EndpointPermissionDenied");
		assertThat(ex).isNotInstanceOf(AuthorizationRequiredException.class);
	}

	@Test
	void submissionWithoutItemsIsABadRequest() {
		server.stubFor(post("/v0.10/transfer").willReturn(json(400, "errors/no_transfer_items.json")));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class,
				() -> client().submitTransfer(document()));

		assertThat(ex.status()).isEqualTo(400);
		assertThat(ex.hasCode("ClientError.BadRequest")).isTrue();
		server.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void conflictIsNotRetried() {
		server.stubFor(post("/v0.10/bookmark").willReturn(json(409, "errors/conflict.json")));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class,
				() -> client().createBookmark("Lab results", MAPPED, "/"));

		assertThat(ex.status()).isEqualTo(409);
		assertThat(ex.code()).isEqualTo("Conflict");
		assertThat(ex.requestId()).isEqualTo("Nw2kT7aBc");
		server.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void rateLimitedCallWaitsAsLongAsRetryAfterSaysThenSucceeds() {
		stubInSequence(TASK_PATH, json(429, "errors/rate_limited.json").withHeader("Retry-After", "7"),
				json(200, "transfer/task_active.json"));

		Task task = client().task(TASK);

		assertThat(task.status()).isEqualTo("ACTIVE");
		assertThat(this.sleeper.waits).containsExactly(Duration.ofSeconds(7));
		server.verify(2, getRequestedFor(urlPathEqualTo(TASK_PATH)));
	}

	@Test
	void retryAfterLongerThanTheMaximumDelayIsCapped() {
		stubInSequence(TASK_PATH, json(429, "errors/rate_limited.json").withHeader("Retry-After", "3600"),
				json(503, "errors/service_unavailable.json").withHeader("Retry-After", "0"),
				json(200, "transfer/task_active.json"));

		client().task(TASK);

		assertThat(this.sleeper.waits).containsExactly(Duration.ofSeconds(10), Duration.ZERO);
	}

	@Test
	void rateLimitedCallThatStaysLimitedThrowsTheGlobusError() {
		server.stubFor(get(TASK_PATH).willReturn(json(429, "errors/rate_limited.json").withHeader("Retry-After", "1")));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class, () -> client().task(TASK));

		assertThat(ex.getClass()).isEqualTo(GlobusApiException.class);
		assertThat(ex.status()).isEqualTo(429);
		assertThat(ex.code()).isEqualTo("RateLimited");
		assertThat(ex.requestId()).isEqualTo("gH4iJ5kL6");
		assertThat(ex.resource()).isEqualTo("/task_list");
		assertThat(this.sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1),
				Duration.ofSeconds(1));
		server.verify(4, getRequestedFor(urlPathEqualTo(TASK_PATH)));
	}

	@Test
	void rateLimitedWithoutBodyStillNamesTheResource() {
		server.stubFor(get(TASK_PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class,
				() -> clientWithTimeout(Duration.ofSeconds(2), 0).task(TASK));

		assertThat(ex.status()).isEqualTo(429);
		assertThat(ex.resource()).isEqualTo(TASK_PATH);
	}

	@Test
	void rateLimitedWithAnHttpDateBacksOffNormally() {
		stubInSequence(TASK_PATH,
				json(429, "errors/rate_limited.json").withHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"),
				json(200, "transfer/task_active.json"));

		client().task(TASK);

		assertThat(this.sleeper.waits).singleElement()
			.satisfies((wait) -> assertThat(wait).isBetween(Duration.ofMillis(100), Duration.ofMillis(200)));
	}

	@Test
	void serverErrorsOfASafeCallAreRetriedWithGrowingJitteredBackOff() {
		stubInSequence(TASK_PATH, json(500, "errors/internal_error.json"),
				aResponse().withStatus(502)
					.withHeader("Content-Type", "text/html")
					.withBody(GlobusFixtures.body("errors/bad_gateway.html")),
				json(503, "errors/service_unavailable.json"), json(200, "transfer/task_active.json"));

		Task task = client().task(TASK);

		assertThat(task.taskId()).isEqualTo(TASK);
		assertThat(this.sleeper.waits).hasSize(3);
		assertThat(this.sleeper.waits.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
		assertThat(this.sleeper.waits.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
		assertThat(this.sleeper.waits.get(2)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
		server.verify(4, getRequestedFor(urlPathEqualTo(TASK_PATH)));
	}

	@Test
	void serverErrorsThatOutlastTheRetriesAreThrown() {
		server.stubFor(get(TASK_PATH).willReturn(aResponse().withStatus(504)));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class, () -> client().task(TASK));

		assertThat(ex.status()).isEqualTo(504);
		assertThat(ex.code()).isEqualTo("UnexpectedResponse");
		server.verify(4, getRequestedFor(urlPathEqualTo(TASK_PATH)));
		assertThat(this.sleeper.waits).hasSize(3);
	}

	@Test
	void htmlBadGatewayIsReportedAsAnUnexpectedResponse() {
		server.stubFor(get(TASK_PATH).willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody(GlobusFixtures.body("errors/bad_gateway.html"))));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class,
				() -> clientWithTimeout(Duration.ofSeconds(2), 0).task(TASK));

		assertThat(ex.status()).isEqualTo(502);
		assertThat(ex.code()).isEqualTo("UnexpectedResponse");
		assertThat(ex.resource()).isEqualTo(TASK_PATH);
	}

	@Test
	void storageErrorsAreNeverRetried() {
		server.stubFor(get(urlPathEqualTo(LS)).willReturn(json(502, "errors/dir_listing_failed_502.json")));
		server.stubFor(get(urlPathEqualTo("/v0.10/operation/endpoint/" + MAPPED + "/stat"))
			.willReturn(json(502, "errors/endpoint_error_502.json")));

		GlobusApiException listing = catchThrowableOfType(GlobusApiException.class,
				() -> client().list(MAPPED, ListingQuery.of("/")));
		GlobusApiException stat = catchThrowableOfType(GlobusApiException.class, () -> client().stat(MAPPED, "/"));

		assertThat(listing.code()).isEqualTo("ExternalError.DirListingFailed.GCDisconnected");
		assertThat(stat.code()).isEqualTo("EndpointError");
		server.verify(2, anyRequestedFor(anyUrl()));
		assertThat(this.sleeper.waits).isEmpty();
	}

	@Test
	void mkdirIsNeverRetried() {
		server.stubFor(post(urlPathEqualTo("/v0.10/operation/endpoint/" + MAPPED + "/mkdir"))
			.willReturn(json(503, "errors/service_unavailable.json").withHeader("Retry-After", "1")));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class, () -> client().mkdir(MAPPED, "/~/new"));

		assertThat(ex.status()).isEqualTo(503);
		assertThat(ex.code()).isEqualTo("ServiceUnavailable");
		server.verify(1, anyRequestedFor(anyUrl()));
		assertThat(this.sleeper.waits).isEmpty();
	}

	@Test
	void mkdirThatTimesOutIsNotSentAgain() {
		server.stubFor(post(urlPathEqualTo("/v0.10/operation/endpoint/" + MAPPED + "/mkdir"))
			.willReturn(json(202, "transfer/mkdir_result.json").withFixedDelay(1500)));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class,
				() -> clientWithTimeout(Duration.ofMillis(300), 3).mkdir(MAPPED, "/~/new"));

		assertThat(ex.status()).isZero();
		assertThat(ex.code()).isEqualTo("Unreachable");
		server.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void renameIsNeverRetried() {
		server.stubFor(post(urlPathEqualTo("/v0.10/operation/endpoint/" + MAPPED + "/rename"))
			.willReturn(aResponse().withStatus(502)));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class,
				() -> client().rename(MAPPED, "/a", "/b"));

		assertThat(ex.status()).isEqualTo(502);
		server.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void mkdirOfAnExistingFolderIsAStorageError() {
		server.stubFor(post(urlPathEqualTo("/v0.10/operation/endpoint/" + MAPPED + "/mkdir"))
			.willReturn(json(502, "errors/exists_502.json")));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class, () -> client().mkdir(MAPPED, "/~/new"));

		assertThat(ex.hasCode("ExternalError.MkdirFailed")).isTrue();
		assertThat(ex.isStorageError()).isTrue();
	}

	@Test
	void submissionIsResentWithTheSameBodyAfterABadGateway() {
		stubInSequence("/v0.10/transfer", aResponse().withStatus(502), json(202, "transfer/submit_accepted.json"));

		SubmitResult result = client().submitTransfer(document());

		assertThat(result.code()).isEqualTo("Accepted");
		List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo("/v0.10/transfer")));
		assertThat(requests).hasSize(2);
		assertThat(requests.get(1).getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString())
			.contains("\"submission_id\":\"0f6c7b0e-1c3a-4b0e-9a31-0d2b5a0c7e11\"");
	}

	@Test
	void submissionThatTimedOutIsResentAndItsDuplicateAnswerIsSuccess() {
		stubInSequence("/v0.10/transfer", json(202, "transfer/submit_accepted.json").withFixedDelay(1500),
				json(200, "transfer/submit_duplicate.json"));

		SubmitResult result = clientWithTimeout(Duration.ofMillis(300), 3).submitTransfer(document());

		assertThat(result.isDuplicate()).isTrue();
		assertThat(result.taskId()).isEqualTo(TASK);
		List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo("/v0.10/transfer")));
		assertThat(requests).hasSize(2);
		assertThat(requests.get(1).getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
		assertThat(this.sleeper.waits).hasSize(1);
	}

	@Test
	void slowAnswerIsUnreachableAfterTheRetries() {
		server.stubFor(get(TASK_PATH).willReturn(json(200, "transfer/task_active.json").withFixedDelay(1500)));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class,
				() -> clientWithTimeout(Duration.ofMillis(200), 1).task(TASK));

		assertThat(ex.status()).isZero();
		assertThat(ex.code()).isEqualTo("Unreachable");
		assertThat(ex.requestId()).isNull();
		assertThat(ex.resource()).isEqualTo(TASK_PATH);
		assertThat(ex.getMessage()).isNotBlank();
		server.verify(2, getRequestedFor(urlPathEqualTo(TASK_PATH)));
		assertThat(this.sleeper.waits).hasSize(1);
	}

	@Test
	void bodyThatDribblesInSlowerThanTheTimeoutIsUnreachable() {
		server.stubFor(
				get(TASK_PATH).willReturn(json(200, "transfer/task_active.json").withChunkedDribbleDelay(20, 1500)));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class,
				() -> clientWithTimeout(Duration.ofMillis(300), 0).task(TASK));

		assertThat(ex.status()).isZero();
		assertThat(ex.code()).isEqualTo("Unreachable");
	}

	@Test
	void rateLimitedWithoutRetryAfterBacksOffAndSucceeds() {
		stubInSequence(TASK_PATH, json(429, "errors/rate_limited.json"), json(200, "transfer/task_active.json"));

		assertThat(client().task(TASK).taskId()).isEqualTo(TASK);
		assertThat(this.sleeper.waits).singleElement()
			.satisfies((wait) -> assertThat(wait).isBetween(Duration.ofMillis(100), Duration.ofMillis(200)));
	}

	@Test
	void droppedConnectionIsRetriedForASafeCall() {
		stubInSequence(TASK_PATH, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
				aResponse().withFault(Fault.EMPTY_RESPONSE), json(200, "transfer/task_active.json"));

		Task task = client().task(TASK);

		assertThat(task.taskId()).isEqualTo(TASK);
		assertThat(this.sleeper.waits).hasSize(2);
	}

	@Test
	void answerCutShortAfterItsHeadersIsRetriedForASafeCall() {
		try (RawHttpServer globus = new RawHttpServer(cutShort(200, "transfer/task_active.json"),
				whole(200, "transfer/task_active.json"))) {
			Task task = client(globus).task(TASK);

			assertThat(task.taskId()).isEqualTo(TASK);
			assertThat(this.sleeper.waits).hasSize(1);
		}
	}

	@Test
	void submissionWhoseAcceptanceIsCutShortIsResentAndItsDuplicateAnswerIsSuccess() {
		try (RawHttpServer globus = new RawHttpServer(cutShort(202, "transfer/submit_accepted.json"),
				whole(200, "transfer/submit_duplicate.json"))) {
			SubmitResult result = client(globus).submitTransfer(document());

			assertThat(result.isDuplicate()).isTrue();
			assertThat(result.taskId()).isEqualTo(TASK);
			assertThat(globus.requestBodies()).hasSize(2)
				.allSatisfy((body) -> assertThat(body).isEqualTo(globus.requestBodies().get(0))
					.contains("\"submission_id\":\"0f6c7b0e-1c3a-4b0e-9a31-0d2b5a0c7e11\""));
		}
	}

	@Test
	void mkdirWhoseAnswerIsCutShortIsNotSentAgain() {
		try (RawHttpServer globus = new RawHttpServer(cutShort(202, "transfer/mkdir_result.json"))) {
			GlobusApiException ex = catchThrowableOfType(GlobusApiException.class,
					() -> client(globus).mkdir(MAPPED, "/~/new"));

			assertThat(ex.status()).isZero();
			assertThat(ex.code()).isEqualTo("Unreachable");
			assertThat(globus.requestBodies()).hasSize(1);
		}
	}

	@Test
	void submissionWhoseConnectionIsResetIsResentWithTheSameBody() {
		stubInSequence("/v0.10/transfer", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
				aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), json(202, "transfer/submit_accepted.json"));

		SubmitResult result = client().submitTransfer(document());

		assertThat(result.code()).isEqualTo("Accepted");
		List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo("/v0.10/transfer")));
		assertThat(requests).hasSize(3)
			.extracting(LoggedRequest::getBodyAsString)
			.containsOnly(requests.get(0).getBodyAsString());
	}

	private TransferClient client(RawHttpServer globus) {
		return client(GlobusFixtures.properties(globus.baseUrl(), Duration.ofSeconds(5), 3));
	}

	/**
	 * The simulator's {@code drop}: status and headers promise a whole body, half of it
	 * comes, then the connection closes.
	 */
	private static RawHttpServer.Answer cutShort(int status, String name) {
		return RawHttpServer.Answer.cutShort(status, GlobusFixtures.body(name));
	}

	private static RawHttpServer.Answer whole(int status, String name) {
		return RawHttpServer.Answer.whole(status, GlobusFixtures.body(name));
	}

	@Test
	void droppedConnectionThatPersistsIsUnreachable() {
		server.stubFor(get(TASK_PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class, () -> client().task(TASK));

		assertThat(ex.status()).isZero();
		assertThat(ex.code()).isEqualTo("Unreachable");
		assertThat(ex.getCause()).isNotNull();
		server.verify(4, getRequestedFor(urlPathEqualTo(TASK_PATH)));
	}

	@Test
	void refusedConnectionIsUnreachable() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		String url = "http://localhost:" + closedPort;
		GlobusProperties properties = GlobusFixtures.properties(url, Duration.ofSeconds(2), 2);

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class, () -> client(properties).task(TASK));

		assertThat(ex.status()).isZero();
		assertThat(ex.code()).isEqualTo("Unreachable");
		assertThat(this.sleeper.waits).hasSize(2);
	}

	@Test
	void truncatedJsonInASuccessfulAnswerIsAnUnexpectedResponse() {
		server.stubFor(get(TASK_PATH).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"DATA_TYPE\":\"task\",\"task_id\":\"b887")));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class, () -> client().task(TASK));

		assertThat(ex.status()).isEqualTo(200);
		assertThat(ex.code()).isEqualTo("UnexpectedResponse");
		assertThat(ex.resource()).isEqualTo(TASK_PATH);
	}

	@Test
	void htmlInASuccessfulAnswerIsAnUnexpectedResponse() {
		server.stubFor(get("/v0.10/bookmark_list").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body>Sign in to the proxy</body></html>")));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class, () -> client().bookmarks());

		assertThat(ex.code()).isEqualTo("UnexpectedResponse");
	}

	@Test
	void emptySuccessfulAnswerWhereADocumentIsExpectedIsAnUnexpectedResponse() {
		server.stubFor(get(TASK_PATH).willReturn(aResponse().withStatus(200)));
		server.stubFor(get("/v0.10/submission_id").willReturn(aResponse().withStatus(200)));
		server.stubFor(post("/v0.10/transfer").willReturn(aResponse().withStatus(202)));

		assertThat(catchThrowableOfType(GlobusApiException.class, () -> client().task(TASK)).code())
			.isEqualTo("UnexpectedResponse");
		assertThat(catchThrowableOfType(GlobusApiException.class, () -> client().submissionId()).code())
			.isEqualTo("UnexpectedResponse");
		assertThat(catchThrowableOfType(GlobusApiException.class, () -> client().submitTransfer(document())).code())
			.isEqualTo("UnexpectedResponse");
	}

	@Test
	void emptyAnswerToADeleteIsFine() {
		server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete("/v0.10/bookmark/b1")
			.willReturn(aResponse().withStatus(204)));

		client().deleteBookmark("b1");

		server.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void bearerHeaderIsAskedForOnEveryAttempt() {
		stubInSequence(TASK_PATH, aResponse().withStatus(503), json(200, "transfer/task_active.json"));

		client().task(TASK);

		server.verify(2,
				getRequestedFor(urlPathEqualTo(TASK_PATH)).withHeader("Authorization", equalTo("Bearer AgXferTokOld")));
	}

}
