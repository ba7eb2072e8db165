package org.transferportal.globus;

/**
 * Any failed call to Globus, carrying what support needs: the HTTP status (0 when no
 * answer came), Globus's dotted error code, its message and its request id.
 *
 * <p>
 * Callers catch one of its two kinds, never this: {@link GlobusApiException} (Globus
 * refused or failed the call; a page may explain it) and
 * {@link GlobusUnauthorizedException} (the user must log in again, which the web layer
 * alone handles). Being siblings, a {@code catch (GlobusApiException ex)} can never
 * swallow a lapsed login by accident.
 */
public abstract sealed class GlobusException extends RuntimeException
		permits GlobusApiException, GlobusUnauthorizedException {

	private final int status;

	private final String code;

	private final String requestId;

	private final String resource;

	protected GlobusException(int status, String code, String message, String requestId, String resource,
			Throwable cause) {
		super(message, cause);
		this.status = status;
		this.code = (code != null) ? code : "Unknown";
		this.requestId = requestId;
		this.resource = resource;
	}

	public int status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public String requestId() {
		return this.requestId;
	}

	public String resource() {
		return this.resource;
	}

	/**
	 * Whether the code is the given one or a more specific one below it (Globus codes are
	 * dotted, most specific last).
	 */
	public boolean hasCode(String prefix) {
		return this.code.equals(prefix) || this.code.startsWith(prefix + ".");
	}

	/** Whether the code names a failure on the storage side, which retrying won't fix. */
	public boolean isStorageError() {
		return this.code.contains("ExternalError") || this.code.contains("EndpointError");
	}

	/** Whether a safe call may be repeated after this error. */
	public boolean isRetryable() {
		if (isStorageError()) {
			return false;
		}
		return this.status == 0 || this.status == 429 || this.status == 500 || this.status == 502 || this.status == 503
				|| this.status == 504;
	}

}
