package org.transferportal.simulator.transfer;

/**
 * The bytes of a simulated file: those an HTTPS upload stored, or none, when they are
 * made up on the fly from a seed ({@link VirtualContent}), so that a 1 GiB file costs no
 * memory. A transfer copies it along, so a copy reads the same as its source.
 *
 * @param bytes the stored bytes, or null for made-up content
 * @param seed what the made-up content derives from (the path the file was first created
 * at)
 */
record SimContent(byte[] bytes, String seed) {

	static SimContent stored(byte[] bytes) {
		return new SimContent(bytes, null);
	}

	static SimContent virtual(String seed) {
		return new SimContent(null, seed);
	}

	boolean isStored() {
		return this.bytes != null;
	}

}
