/**
 * Notifications: e-mail to the owner and signed calls to the lab's webhook when a
 * transfer finishes, pauses or a schedule stops, written to an outbox with the status
 * change and delivered exactly once across instances, with retries and a dead letter.
 */
package org.transferportal.notifications;
