package org.transferportal.support;

/**
 * Byte counts for people.
 */
public final class Sizes {

	private static final String[] UNITS = { "B", "kB", "MB", "GB", "TB", "PB" };

	private Sizes() {
	}

	/** e.g. {@code 1.5 MB}; decimal units, as Globus's web app shows them. */
	public static String human(long bytes) {
		if (bytes < 1000) {
			return bytes + " B";
		}
		double value = bytes;
		int unit = 0;
		while (value >= 1000 && unit < UNITS.length - 1) {
			value /= 1000;
			unit++;
		}
		return String.format(java.util.Locale.ROOT, "%.1f %s", value, UNITS[unit]);
	}

}
