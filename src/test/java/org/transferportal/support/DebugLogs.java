package org.transferportal.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Logs the portal and Spring Security at DEBUG during each test of a class, and as before
 * afterwards: for tests that check what the logs say at their most talkative, without
 * settings that would give them an application context of their own.
 */
public final class DebugLogs implements BeforeEachCallback, AfterEachCallback {

	private static final List<String> LOGGERS = List.of("org.transferportal", "org.springframework.security");

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DebugLogs.class);

	@Override
	public void beforeEach(ExtensionContext context) {
		// Each test, not the class: starting the application context (after any
		// beforeAll) sets the levels from its configuration again.
		LoggingSystem logging = LoggingSystem.get(DebugLogs.class.getClassLoader());
		Map<String, LogLevel> before = new LinkedHashMap<>();
		for (String logger : LOGGERS) {
			LoggerConfiguration configuration = logging.getLoggerConfiguration(logger);
			before.put(logger, (configuration != null) ? configuration.getConfiguredLevel() : null);
			logging.setLogLevel(logger, LogLevel.DEBUG);
		}
		context.getStore(NAMESPACE).put("before", before);
	}

	@Override
	@SuppressWarnings("unchecked")
	public void afterEach(ExtensionContext context) {
		LoggingSystem logging = LoggingSystem.get(DebugLogs.class.getClassLoader());
		Map<String, LogLevel> before = context.getStore(NAMESPACE).remove("before", Map.class);
		if (before != null) {
			before.forEach(logging::setLogLevel);
		}
	}

}
