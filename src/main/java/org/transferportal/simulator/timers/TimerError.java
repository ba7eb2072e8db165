package org.transferportal.simulator.timers;

import java.util.List;
import java.util.Map;

import org.transferportal.simulator.SimJson;

/**
 * An error answer of the simulated Timers: FastAPI's validation shape for a 422
 * ({@code {"detail": [{"loc", "msg", "type"}]}}), Timers' {@code {"error": {...}}}
 * otherwise.
 */
class TimerError extends RuntimeException {

	private final int status;

	private final Object body;

	private TimerError(int status, String message, Object body) {
		super(message);
		this.status = status;
		this.body = body;
	}

	int status() {
		return this.status;
	}

	Object body() {
		return this.body;
	}

	/** A 422 naming the field (its path from the request body) and the problem. */
	static TimerError invalid(List<Object> loc, String msg, String type) {
		return new TimerError(422, msg,
				SimJson.object("detail", List.of(SimJson.object("loc", loc, "msg", msg, "type", type))));
	}

	/** Timers' other errors, e.g. 404 {@code NOT_FOUND}. */
	static TimerError of(int status, String code, String detail) {
		Map<String, Object> error = SimJson.object("code", code, "detail", detail, "status", status);
		return new TimerError(status, detail, SimJson.object("error", error));
	}

}
