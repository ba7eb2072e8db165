package org.transferportal.https;

import java.time.Instant;

/**
 * One file that went through the portal over a collection's HTTPS server, as the lab
 * audit shows it.
 *
 * @param at when it started
 * @param username who (their Globus username)
 * @param kind {@code download}, {@code preview} or {@code upload}
 * @param collectionId the collection
 * @param path the file
 * @param bytes the bytes that went through the portal
 * @param size the file's size, when known
 * @param outcome {@code complete}, {@code partial} (a range of the file, as a resumed
 * download asks for), {@code interrupted} (the browser went away) or {@code failed}
 * @param detail why it failed, or {@code null}
 */
public record FileAccess(Instant at, String username, String kind, String collectionId, String path, long bytes,
		Long size, String outcome, String detail) {
}
