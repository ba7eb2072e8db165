package org.transferportal.support;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * A free local port for tests that must know the portal's port before it starts (in demo
 * mode the Globus URLs point at the portal's own port).
 */
public final class FreePort {

	private FreePort() {
	}

	public static int pick() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
