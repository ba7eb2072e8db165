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
 * @param content what its HTTPS server serves: the bytes an upload stored, or content
 * made up on the fly; null for folders
 */
record SimFileEntry(String name, boolean dir, long size, Instant modified, String user, String group, String fault,
		SimContent content) {

	String permissions() {
		return this.dir ? "0755" : "0644";
	}

	SimFileEntry renamed(String newName) {
		return new SimFileEntry(newName, this.dir, this.size, this.modified, this.user, this.group, this.fault,
				this.content);
	}

}
