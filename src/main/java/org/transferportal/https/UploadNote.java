package org.transferportal.https;

import java.io.Serializable;

/**
 * Why an upload from the plain form did not save the file, shown next to the form of its
 * pane after the redirect. Serializable: flash attributes travel in the session, which
 * the database keeps.
 *
 * @param pane {@code a} or {@code b}
 * @param message what went wrong
 * @param consentReason when Globus must be asked first, why ({@code missing},
 * {@code refused}, {@code login}); otherwise {@code null}
 */
public record UploadNote(String pane, String message, String consentReason) implements Serializable {
}
