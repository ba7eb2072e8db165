package org.transferportal.globus;

/**
 * One entry of a task's event log.
 */
public record TaskEvent(String code, String description, String details, boolean isError, String time) {
}
