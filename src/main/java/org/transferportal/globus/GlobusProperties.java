package org.transferportal.globus;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where Globus lives and how patiently the portal talks to it.
 *
 * @param clientId the portal's Globus app client id
 * @param clientSecret the portal's Globus app secret
 * @param authUrl base URL of Globus Auth
 * @param transferUrl base URL of Globus Transfer (the client adds {@code /v0.10})
 * @param groupsUrl base URL of Globus Groups (the client adds {@code /v2})
 * @param timeout the longest a single call may take: 60 s, as Globus's own SDK waits,
 * since {@code ls}, {@code mkdir} and {@code rename} wait for the storage behind a
 * collection
 * @param maxRetries retries for calls that are safe to repeat
 * @param retryBaseDelay first back-off delay, doubled on each retry and jittered
 * @param maxRetryDelay cap on any single wait, including a server's Retry-After
 * @param submitTimeout the longest one attempt of a submission (and of fetching its
 * submission id) may take: the user waits on the click
 * @param submitRetries retries of a submission within one click; the click can be
 * repeated safely, since the draft keeps its submission id
 * @param maxAnswerSize the largest answer the portal reads; the largest it asks for is a
 * 1,000-entry page of a task's files, two paths of up to 4,096 characters each
 * @param timersUrl base URL of Globus Timers (transfer timers are created at
 * {@code /v2/timer}, everything else is under {@code /jobs/})
 */
@ConfigurationProperties("globus")
public record GlobusProperties(String clientId, String clientSecret,
		@DefaultValue("https://auth.globus.org") String authUrl,
		@DefaultValue("https://transfer.api.globus.org") String transferUrl,
		@DefaultValue("https://groups.api.globus.org") String groupsUrl, @DefaultValue("60s") Duration timeout,
		@DefaultValue("3") int maxRetries, @DefaultValue("200ms") Duration retryBaseDelay,
		@DefaultValue("10s") Duration maxRetryDelay, @DefaultValue("15s") Duration submitTimeout,
		@DefaultValue("1") int submitRetries, @DefaultValue("16MB") DataSize maxAnswerSize,
		@DefaultValue(GlobusProperties.TIMERS_URL) String timersUrl) {

	/**
	 * Where Globus Timers lives (Globus's SDKs name this host, not timers.globus.org).
	 */
	public static final String TIMERS_URL = "https://timer.automate.globus.org";

	@ConstructorBinding
	public GlobusProperties {
		timersUrl = (timersUrl != null && !timersUrl.isBlank()) ? timersUrl : TIMERS_URL;
	}

	/** The settings without a Timers URL of their own: Globus's. */
	public GlobusProperties(String clientId, String clientSecret, String authUrl, String transferUrl, String groupsUrl,
			Duration timeout, int maxRetries, Duration retryBaseDelay, Duration maxRetryDelay, Duration submitTimeout,
			int submitRetries, DataSize maxAnswerSize) {
		this(clientId, clientSecret, authUrl, transferUrl, groupsUrl, timeout, maxRetries, retryBaseDelay,
				maxRetryDelay, submitTimeout, submitRetries, maxAnswerSize, TIMERS_URL);
	}

	/** The Transfer API root, with its version. */
	public String transferApiUrl() {
		return stripSlash(this.transferUrl) + "/v0.10";
	}

	/**
	 * The same settings with at most this timeout per attempt and this many retries, for
	 * calls a user waits on.
	 */
	GlobusProperties atMost(Duration limit, int retries) {
		return new GlobusProperties(this.clientId, this.clientSecret, this.authUrl, this.transferUrl, this.groupsUrl,
				(this.timeout.compareTo(limit) > 0) ? limit : this.timeout, Math.min(this.maxRetries, retries),
				this.retryBaseDelay, this.maxRetryDelay, this.submitTimeout, this.submitRetries, this.maxAnswerSize,
				this.timersUrl);
	}

	/** The settings for the calls a submit click waits on. */
	GlobusProperties forSubmission() {
		return atMost(this.submitTimeout, this.submitRetries);
	}

	/** The Groups base URL without a trailing slash. */
	public String groupsBaseUrl() {
		return stripSlash(this.groupsUrl);
	}

	/** The Timers base URL without a trailing slash. */
	public String timersBaseUrl() {
		return stripSlash(this.timersUrl);
	}

	/** The Auth base URL without a trailing slash. */
	public String authBaseUrl() {
		return stripSlash(this.authUrl);
	}

	/** Never prints the client secret (review I2). */
	@Override
	public String toString() {
		return "GlobusProperties[clientId=" + this.clientId + ", clientSecret="
				+ ((this.clientSecret != null && !this.clientSecret.isEmpty()) ? "(set)" : "(unset)") + ", authUrl="
				+ this.authUrl + ", transferUrl=" + this.transferUrl + ", groupsUrl=" + this.groupsUrl + ", timeout="
				+ this.timeout + ", maxRetries=" + this.maxRetries + ", retryBaseDelay=" + this.retryBaseDelay
				+ ", maxRetryDelay=" + this.maxRetryDelay + ", submitTimeout=" + this.submitTimeout + ", submitRetries="
				+ this.submitRetries + ", maxAnswerSize=" + this.maxAnswerSize + "]";
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
