package org.transferportal.simulator.transfer;

import java.time.Instant;

/**
 * One file or folder in a simulated collection.
 *
 * @param name its name
 * @param dir whether it is a folder
 * @param size size in bytes
 * @param modified last modification
 * @param user owning user
 * @param group owning group
 * @param fault the error Transfer always meets reading it ({@code PERMISSION_DENIED},
 * {@code FILE_NOT_FOUND}), or null: the demo's failing files
 */
record SimFileEntry(String name, boolean dir, long size, Instant modified, String user, String group, String fault) {

	String permissions() {
		return this.dir ? "0755" : "0644";
	}

	SimFileEntry renamed(String newName) {
		return new SimFileEntry(newName, this.dir, this.size, this.modified, this.user, this.group, this.fault);
	}

}
