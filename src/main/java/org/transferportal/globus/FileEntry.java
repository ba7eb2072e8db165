package org.transferportal.globus;

/**
 * One entry of a folder listing or a stat ({@code DATA_TYPE: file}).
 */
public record FileEntry(String name, String type, Long size, String permissions, String user, String group,
		String lastModified, String linkTarget) {

	public boolean isDirectory() {
		return "dir".equals(this.type);
	}

}
