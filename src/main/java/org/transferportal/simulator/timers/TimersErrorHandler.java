package org.transferportal.simulator.timers;

import org.transferportal.simulator.SimJson;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns errors of the simulated Timers API into Timers-shaped answers.
 */
@RestControllerAdvice(basePackageClasses = TimersErrorHandler.class)
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class TimersErrorHandler {

	@ExceptionHandler(TimerError.class)
	ResponseEntity<String> timerError(TimerError error) {
		return SimJson.respond(error.status(), error.body());
	}

	@ExceptionHandler({ tools.jackson.core.JacksonException.class,
			org.springframework.http.converter.HttpMessageNotReadableException.class })
	ResponseEntity<String> unreadable(Exception ex) {
		return timerError(
				TimerError.invalid(java.util.List.of("body"), "value is not a valid dict", "type_error.dict"));
	}

}
