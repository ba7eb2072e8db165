package org.transferportal.tasks;

import java.util.Locale;
import java.util.Set;

/**
 * The kinds of error a task meets, as the task page groups them, each with what it means
 * and what the user can do; Transfer's event codes map onto them (the full list is in
 * Globus's event documentation).
 */
enum ErrorKind {

	PERMISSION("Permission denied",
			"A collection refused to read or write these paths. Check that your account there may read the source "
					+ "(or write the destination), or ask the collection's administrator or the folder's owner for "
					+ "access.",
			"PERMISSION_DENIED", "FILE_ACCESS", "ACL_CHANGED"),

	NOT_FOUND("File not found",
			"These paths were not there when Globus came to them: moved, renamed or deleted since they were chosen. "
					+ "Check the source folder; if they are gone for good, “skip source errors” lets a transfer "
					+ "finish without them.",
			"FILE_NOT_FOUND", "INVALID_SYMLINK"),

	CHECKSUM("Checksum mismatch",
			"The copy did not match the source when Globus checked it, usually because the file changed while it "
					+ "was copied. Globus copies such files again; if it keeps happening, make sure nothing is "
					+ "writing to the source files.",
			"VERIFY_CHECKSUM", "EXTERNAL_CHECKSUM_MISMATCH", "FILE_SIZE_CHANGED"),

	SPACE("Quota exceeded or no space left",
			"The destination is full or over its quota. Free some space there, or ask its administrator for more; "
					+ "the files that did not fit can then be copied.",
			"QUOTA_EXCEEDED", "NO_SPACE_LEFT", "LIMIT_EXCEEDED"),

	ENDPOINT("Endpoint or connection errors",
			"Globus could not reach a collection's server, or lost the connection to it. This is usually "
					+ "temporary, and Globus tries again by itself; if a Globus Connect Personal collection is "
					+ "involved, make sure it is running and online.",
			"CONNECT_FAILED", "CONNECTION_BROKEN", "CONNECTION_RESET", "ENDPOINT_ERROR", "ENDPOINT_TOO_BUSY",
			"GC_NOT_CONNECTED", "GC_PAUSED", "TIMEOUT", "AUTH", "GSI_DN_MISMATCH", "INVALID_SERVICE_CREDENTIAL",
			"NO_CREDENTIALS", "CLOCK"),

	OTHER("Other errors", "Globus met other errors; the codes and details below say what went wrong.");

	/** Error events that say how a task ended, not what went wrong on the way. */
	private static final Set<String> OUTCOMES = Set.of("CANCELED", "EXPIRED", "SUCCEEDED");

	private final String title;

	private final String advice;

	private final Set<String> codes;

	ErrorKind(String title, String advice, String... codes) {
		this.title = title;
		this.advice = advice;
		this.codes = Set.of(codes);
	}

	String title() {
		return this.title;
	}

	String advice() {
		return this.advice;
	}

	/** The kind of an error event's code; {@link #OTHER} for codes not listed. */
	static ErrorKind of(String code) {
		String upper = (code != null) ? code.toUpperCase(Locale.ROOT) : "";
		for (ErrorKind kind : values()) {
			if (kind.codes.contains(upper)) {
				return kind;
			}
		}
		return OTHER;
	}

	/**
	 * Whether an error event says how the task ended (cancelled, expired) rather than
	 * what went wrong with some path: the page says that already.
	 */
	static boolean isOutcome(String code) {
		return code != null && OUTCOMES.contains(code.toUpperCase(Locale.ROOT));
	}

}
