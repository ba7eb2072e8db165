package org.transferportal.simulator.transfer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Transfer error answer: HTTP status, dotted code, message and any extra fields (e.g.
 * {@code required_scopes}, {@code authorization_parameters}).
 */
class TransferError extends RuntimeException {

	private final int status;

	private final String code;

	private final Map<String, Object> extras = new LinkedHashMap<>();

	TransferError(int status, String code, String message) {
		super(message);
		this.status = status;
		this.code = code;
	}

	TransferError with(String key, Object value) {
		this.extras.put(key, value);
		return this;
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	Map<String, Object> extras() {
		return this.extras;
	}

	static TransferError badRequest(String message) {
		return new TransferError(400, "BadRequest", message);
	}

	static TransferError notFound(String message) {
		return new TransferError(404, "ClientError.NotFound", message);
	}

}
