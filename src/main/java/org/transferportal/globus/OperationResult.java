package org.transferportal.globus;

/**
 * The short answer of mkdir, rename, cancel and similar operations.
 */
public record OperationResult(String code, String message, String requestId, String resource) {
}
