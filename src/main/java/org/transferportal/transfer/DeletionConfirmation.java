package org.transferportal.transfer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The explicit confirmation a transfer that deletes files at its destination needs before
 * it is submitted, however the option was set (a link, a preset, the user's own tick):
 * the server checks it, so it works without JavaScript and cannot come from a link, which
 * only ever fills in the form.
 *
 * <p>
 * The value the confirmation carries is a digest of what decides which files are deleted
 * (the collections, the paths and the batch), so a confirmation given for one destination
 * never confirms another the form was changed to. It is not a secret: the form's CSRF
 * token already keeps other sites from posting it.
 */
public final class DeletionConfirmation {

	/** The form field that carries the confirmation. */
	public static final String FIELD = "confirm_delete";

	static final String PROBLEM = "This transfer deletes files at the destination that are not in the source: tick "
			+ "the box to confirm, or untick that option";

	private DeletionConfirmation() {
	}

	/** The value that confirms deleting for exactly this form's items. */
	public static String token(TransferForm form) {
		String items = String.join("\n", form.sourceCollection(), form.sourcePath(), form.destinationCollection(),
				form.destinationPath(), form.manifest());
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(items.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** Whether the value given confirms deleting for this form's items. */
	static boolean confirms(TransferForm form, String given) {
		return given != null && MessageDigest.isEqual(token(form).getBytes(StandardCharsets.UTF_8),
				given.strip().getBytes(StandardCharsets.UTF_8));
	}

}
