package org.transferportal.globus;

import java.io.InputStream;

/**
 * A file (or a range of it) as a collection's HTTPS server sends it: the answer's
 * headers, and its body to read while the call lasts.
 *
 * @param status 200 (whole), 206 (a range) or 416 (the range is past the end)
 * @param contentType the server's content type, or {@code null}
 * @param contentLength the bytes of this answer's body, or {@code -1} when unknown
 * @param contentRange the server's {@code Content-Range}, for 206 and 416
 * @param etag the server's {@code ETag}, or {@code null}
 * @param lastModified the server's {@code Last-Modified}, or {@code null}
 * @param body the bytes; a failure to read them is an {@link HttpsStreamException}
 */
public record HttpsFile(int status, String contentType, long contentLength, String contentRange, String etag,
		String lastModified, InputStream body) {

	/** The whole file's size: from {@code Content-Range}, else the body's length. */
	public long totalSize() {
		if (this.contentRange != null) {
			int slash = this.contentRange.lastIndexOf('/');
			if (slash >= 0) {
				try {
					return Long.parseLong(this.contentRange.substring(slash + 1).trim());
				}
				catch (NumberFormatException ex) {
					return -1;
				}
			}
		}
		return (this.status == 200) ? this.contentLength : -1;
	}

}
