package org.transferportal.notifications;

import java.util.Arrays;

/**
 * The events the portal tells of, with their names on the wire (the webhook's
 * {@code type}).
 */
enum EventType {

	TRANSFER_SUCCEEDED("transfer.succeeded", "succeeded"),

	TRANSFER_FAILED("transfer.failed", "failed"),

	TRANSFER_INACTIVE("transfer.inactive", "is paused and needs you"),

	SCHEDULE_INACTIVE("schedule.inactive", "stopped running");

	private final String wire;

	private final String verb;

	EventType(String wire, String verb) {
		this.wire = wire;
		this.verb = verb;
	}

	/** The name on the wire, e.g. {@code transfer.failed}. */
	public String wire() {
		return this.wire;
	}

	/** What happened, in words that follow the name of a transfer or schedule. */
	String verb() {
		return this.verb;
	}

	static EventType fromWire(String name) {
		return Arrays.stream(values())
			.filter((type) -> type.wire.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown notification event type: " + name));
	}

	/** The event a task status tells of, or {@code null} for none. */
	static EventType ofTaskStatus(String status) {
		return switch (status) {
			case "SUCCEEDED" -> TRANSFER_SUCCEEDED;
			case "FAILED" -> TRANSFER_FAILED;
			case "INACTIVE" -> TRANSFER_INACTIVE;
			default -> null;
		};
	}

}
