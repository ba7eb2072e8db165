package org.transferportal.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a refused demo switch as Spring Boot's plain "APPLICATION FAILED TO START" text
 * (what is wrong, what to do) instead of a stack trace.
 */
class DemoModeFailureAnalyzer extends AbstractFailureAnalyzer<DemoModeException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DemoModeException cause) {
		return new FailureAnalysis(cause.description(), cause.action(), cause);
	}

}
