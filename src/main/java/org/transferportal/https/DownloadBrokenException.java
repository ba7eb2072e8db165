package org.transferportal.https;

/**
 * A download broke off after its answer had begun (the collection's server stopped
 * sending): thrown out of the request so that the servlet container, seeing an error on a
 * committed answer, closes the connection at once and the browser sees an incomplete
 * file, which it can resume, rather than one that looks whole or a wait for bytes that
 * never come. It carries no cause on purpose: the error pages' handlers match causes, and
 * an error page must not be written into the file.
 */
class DownloadBrokenException extends RuntimeException {

	DownloadBrokenException(String why) {
		super("The download broke off: " + why, null, false, false);
	}

}
