package org.transferportal.simulator.transfer;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.transferportal.simulator.SimJson;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns errors of the simulated Transfer API into Transfer-shaped error bodies.
 */
@RestControllerAdvice(basePackageClasses = TransferErrorHandler.class)
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class TransferErrorHandler {

	static final String BASE = "/simulator/transfer/v0.10";

	@ExceptionHandler(TransferError.class)
	ResponseEntity<String> transferError(TransferError error, HttpServletRequest request) {
		return SimJson.respond(error.status(), body(error, resource(request)));
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
			IllegalArgumentException.class, tools.jackson.core.JacksonException.class,
			org.springframework.http.converter.HttpMessageNotReadableException.class })
	ResponseEntity<String> badRequest(Exception ex, HttpServletRequest request) {
		return transferError(TransferError.badRequest(ex.getMessage()), request);
	}

	static Map<String, Object> body(TransferError error, String resource) {
		Map<String, Object> body = SimJson.object("code", error.code(), "message", error.getMessage(), "request_id",
				SimJson.requestId(), "resource", resource);
		body.putAll(error.extras());
		return body;
	}

	static String resource(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return uri.startsWith(BASE) ? uri.substring(BASE.length()) : uri;
	}

}
