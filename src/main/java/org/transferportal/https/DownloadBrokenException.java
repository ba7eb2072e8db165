package org.transferportal.https;

/**
 * A download broke off after its answer had begun (the collection's server stopped
 * sending): thrown out of the request so that the servlet container closes the connection
 * and the browser sees an incomplete file, which it can resume, rather than one that
 * looks whole.
 */
class DownloadBrokenException extends RuntimeException {

	DownloadBrokenException(Throwable cause) {
		super("The download broke off: the collection's HTTPS server stopped sending", cause, false, false);
	}

}
