package org.transferportal.globus;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * One user's access to one collection's HTTPS server (the collection document's
 * {@code https_server}), with that user's token for the collection: reads a file or a
 * range of it, writes a file, deletes one. Bodies stream through in both directions and
 * are never held whole, whatever their size.
 *
 * <p>
 * Redirects are never followed: the token must not travel to another host, and Globus
 * Connect Server answers a session that is not good enough with a redirect or a small
 * HTML page that sends a browser to log in ("don't believe the status code"), both of
 * which are an {@link HttpsAccessException} that {@link HttpsAccessException#wantsLogin()
 * wants a login}. Each read of a body waits at most the configured timeout, so a stalled
 * server cannot hold a request forever.
 */
public final class CollectionHttpsClient {

	/**
	 * The metrics operation of every call: one series, whatever the collection or path.
	 */
	static final String OPERATION = "/https/{path}";

	/** The most of an error answer read before the connection is let go. */
	private static final int ERROR_BODY_LIMIT = 64 * 1024;

	private static final String UNREACHABLE = "The collection's HTTPS server did not answer in time or the connection failed";

	private final String base;

	private final AccessTokenProvider tokens;

	private final GlobusProperties properties;

	private final GlobusHttp.Sleeper sleeper;

	private final MeterRegistry meters;

	CollectionHttpsClient(String httpsServer, AccessTokenProvider tokens, GlobusProperties properties,
			GlobusHttp.Sleeper sleeper, MeterRegistry meters) {
		this.base = httpsServer.endsWith("/") ? httpsServer.substring(0, httpsServer.length() - 1) : httpsServer;
		this.tokens = tokens;
		this.properties = properties;
		this.sleeper = sleeper;
		this.meters = meters;
	}

	/** Reads what a call answered, while the answer's body can be read. */
	@FunctionalInterface
	public interface FileReader<T> {

		T read(HttpsFile file) throws IOException;

	}

	/** Writes the bytes of an upload. */
	@FunctionalInterface
	public interface BodyWriter {

		/**
		 * @param upstream where the bytes go; a failure of the server's side is an
		 * {@link HttpsStreamException}, so an {@link IOException} out of this method is
		 * always the caller's own source failing
		 */
		void writeTo(OutputStream upstream) throws IOException;

	}

	/**
	 * Reads a file, or the range of it the browser asked for, and hands the answer to the
	 * reader while its body can be read.
	 * @param path the absolute path on the collection
	 * @param range a {@code Range} header to pass on, or {@code null}
	 * @param ifRange an {@code If-Range} header to pass on, or {@code null}
	 * @throws IOException what the reader threw
	 * @throws HttpsAccessException the server refused the token or wants a login
	 * @throws GlobusApiException any other failure (404 for a missing file)
	 */
	public <T> T read(String path, String range, String ifRange, FileReader<T> reader) throws IOException {
		Map<String, String> headers = new LinkedHashMap<>();
		if (range != null) {
			headers.put("Range", range);
			if (ifRange != null) {
				headers.put("If-Range", ifRange);
			}
		}
		HttpURLConnection connection = exchange("GET", path, headers);
		int status = status(connection);
		boolean satisfiable = status != 416 || range == null;
		if (satisfiable) {
			check(connection, status, path, "GET");
		}
		String type = connection.getContentType();
		if (satisfiable && isHtml(type) && !looksLikeHtmlFile(path)) {
			discard(connection);
			throw loginPage(path);
		}
		BodyStream body = new BodyStream((status == 416) ? InputStream.nullInputStream() : connection.getInputStream(),
				path);
		HttpsFile file = new HttpsFile(status, type, connection.getContentLengthLong(),
				connection.getHeaderField("Content-Range"), connection.getHeaderField("ETag"),
				connection.getHeaderField("Last-Modified"), body);
		boolean whole = false;
		try {
			T result = reader.read(file);
			whole = body.ended;
			return result;
		}
		finally {
			if (whole) {
				closeQuietly(body);
			}
			else {
				// A body left unread would be drained to reuse the connection: drop it.
				connection.disconnect();
			}
		}
	}

	/**
	 * Writes a file of a known length, streaming the bytes the writer gives. With
	 * {@code Expect: 100-continue}, a server that refuses the call says so before any
	 * byte is sent.
	 * @throws IOException the writer's own source failed (the upload is then incomplete,
	 * and the server was cut off mid-body)
	 * @throws HttpsStreamException the server's side failed mid-body
	 */
	public void write(String path, long length, BodyWriter writer) throws IOException {
		boolean refreshed = false;
		String token = this.tokens.accessToken();
		while (true) {
			long start = System.nanoTime();
			HttpURLConnection connection = open("PUT", path, token);
			connection.setDoOutput(true);
			connection.setFixedLengthStreamingMode(length);
			connection.setRequestProperty("Content-Type", "application/octet-stream");
			connection.setRequestProperty("Expect", "100-continue");
			OutputStream out;
			try {
				out = connection.getOutputStream();
			}
			catch (IOException ex) {
				// Refused before the body (the answer to Expect), or no answer at all.
				int status = statusAfterFailure(connection);
				record("PUT", start, status);
				if (status == 401 && !refreshed) {
					discard(connection);
					token = this.tokens.refreshAccessToken();
					refreshed = true;
					continue;
				}
				if (status == 0) {
					connection.disconnect();
					throw new GlobusApiException(0, "Unreachable", UNREACHABLE, null, OPERATION, ex);
				}
				check(connection, status, path, "PUT");
				connection.disconnect();
				throw new GlobusApiException(status, "HttpsError", "The collection's HTTPS server refused the upload",
						null, OPERATION, ex);
			}
			UpstreamOutput upstream = new UpstreamOutput(out, path);
			try {
				writer.writeTo(upstream);
				upstream.close();
			}
			catch (IOException | RuntimeException ex) {
				int status = statusAfterFailure(connection);
				record("PUT", start, status);
				connection.disconnect();
				if (ex instanceof HttpsStreamException && status >= 400) {
					check(connection, status, path, "PUT");
				}
				throw ex;
			}
			int status;
			try {
				status = connection.getResponseCode();
			}
			catch (IOException ex) {
				record("PUT", start, 0);
				connection.disconnect();
				throw new HttpsStreamException("The collection's HTTPS server did not confirm the upload", OPERATION,
						ex);
			}
			record("PUT", start, status);
			check(connection, status, path, "PUT");
			// "Don't believe the status code": a login page may come back with a 200.
			if (isHtml(connection.getContentType())) {
				discard(connection);
				throw loginPage(path);
			}
			discard(connection);
			return;
		}
	}

	/**
	 * Deletes a file; one that is not there counts as deleted.
	 */
	public void delete(String path) {
		HttpURLConnection connection = exchange("DELETE", path, Map.of());
		int status = status(connection);
		if (status != 404) {
			check(connection, status, path, "DELETE");
		}
		discard(connection);
	}

	/**
	 * Sends a call without a body: retried when no answer came or the server was briefly
	 * unavailable, and once with a refreshed token when the token was refused.
	 */
	private HttpURLConnection exchange(String method, String path, Map<String, String> headers) {
		String token = this.tokens.accessToken();
		boolean refreshed = false;
		int attempt = 0;
		while (true) {
			long start = System.nanoTime();
			HttpURLConnection connection = open(method, path, token);
			headers.forEach(connection::setRequestProperty);
			int status;
			try {
				status = connection.getResponseCode();
			}
			catch (IOException ex) {
				record(method, start, 0);
				connection.disconnect();
				if (attempt < this.properties.maxRetries()) {
					backOff(attempt++);
					continue;
				}
				throw new GlobusApiException(0, "Unreachable", UNREACHABLE, null, OPERATION, ex);
			}
			record(method, start, status);
			if (status == 401 && !refreshed) {
				discard(connection);
				token = this.tokens.refreshAccessToken();
				refreshed = true;
				continue;
			}
			if ((status == 502 || status == 503 || status == 504) && attempt < this.properties.maxRetries()) {
				discard(connection);
				backOff(attempt++);
				continue;
			}
			return connection;
		}
	}

	private HttpURLConnection open(String method, String path, String token) {
		URI uri = URI.create(this.base + encodePath(path));
		try {
			HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
			connection.setRequestMethod(method);
			connection.setInstanceFollowRedirects(false);
			connection.setUseCaches(false);
			int timeout = Math.toIntExact(this.properties.timeout().toMillis());
			connection.setConnectTimeout(timeout);
			connection.setReadTimeout(timeout);
			connection.setRequestProperty("Authorization", "Bearer " + token);
			connection.setRequestProperty("Accept", "*/*");
			connection.setRequestProperty("User-Agent", "transfer-portal");
			return connection;
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new GlobusApiException(0, "Unreachable", UNREACHABLE, null, OPERATION, ex);
		}
	}

	/**
	 * Turns an answer that is not what was asked for into the error model.
	 */
	private void check(HttpURLConnection connection, int status, String path, String method) {
		if (status >= 200 && status < 300) {
			return;
		}
		String detail = errorDetail(connection);
		if (status >= 300 && status < 400) {
			throw loginPage(path);
		}
		String message = switch (status) {
			case 401 -> "The collection's HTTPS server does not accept the portal's access for you";
			case 403 -> "The collection refused you access to '" + path + "'";
			case 404 -> "'" + path + "' is not on the collection (it may have been moved or deleted)";
			case 413 -> "The collection's HTTPS server refused a file this large";
			default -> "The collection's HTTPS server answered HTTP " + status + " to a " + method;
		};
		if (detail != null) {
			message = message + ": " + detail;
		}
		if (status == 401) {
			throw new HttpsAccessException(status, HttpsAccessException.TOKEN_REFUSED, message, OPERATION);
		}
		if (status == 403) {
			throw new HttpsAccessException(status, HttpsAccessException.FORBIDDEN, message, OPERATION);
		}
		throw new GlobusApiException(status, (status == 404) ? "HttpsNotFound" : "HttpsError", message, null,
				OPERATION);
	}

	/** A short message from an error answer's JSON body, if it has one. */
	private static String errorDetail(HttpURLConnection connection) {
		try (InputStream error = connection.getErrorStream()) {
			if (error == null || isHtml(connection.getContentType())) {
				return null;
			}
			String text = new String(error.readNBytes(ERROR_BODY_LIMIT), StandardCharsets.UTF_8);
			for (String field : new String[] { "\"detail\"", "\"message\"" }) {
				int at = text.indexOf(field);
				if (at >= 0) {
					int open = text.indexOf('"', text.indexOf(':', at) + 1);
					int close = (open >= 0) ? text.indexOf('"', open + 1) : -1;
					if (close > open) {
						String value = text.substring(open + 1, close).strip();
						return value.isEmpty() ? null : value.substring(0, Math.min(value.length(), 300));
					}
				}
			}
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static HttpsAccessException loginPage(String path) {
		return new HttpsAccessException(200, HttpsAccessException.LOGIN_PAGE,
				"The collection's HTTPS server answered with a login page instead of '" + path
						+ "': it wants you to log in again",
				OPERATION);
	}

	private static boolean isHtml(String contentType) {
		return contentType != null && contentType.toLowerCase(Locale.ROOT).strip().startsWith("text/html");
	}

	/**
	 * Whether the file is a web page itself, so that HTML is what it holds rather than a
	 * login page.
	 */
	private static boolean looksLikeHtmlFile(String path) {
		String lower = path.toLowerCase(Locale.ROOT);
		return lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml");
	}

	private static int status(HttpURLConnection connection) {
		try {
			return connection.getResponseCode();
		}
		catch (IOException ex) {
			connection.disconnect();
			throw new GlobusApiException(0, "Unreachable", UNREACHABLE, null, OPERATION, ex);
		}
	}

	/** The status of an answer the server sent before a failure, or 0 if none came. */
	private static int statusAfterFailure(HttpURLConnection connection) {
		try {
			return Math.max(connection.getResponseCode(), 0);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** Reads a small answer to its end, so that the connection can be used again. */
	private static void discard(HttpURLConnection connection) {
		try {
			int status = connection.getResponseCode();
			try (InputStream in = (status >= 400) ? connection.getErrorStream() : connection.getInputStream()) {
				if (in != null && in.readNBytes(ERROR_BODY_LIMIT).length == ERROR_BODY_LIMIT) {
					connection.disconnect();
				}
			}
		}
		catch (IOException ex) {
			connection.disconnect();
		}
	}

	private static void closeQuietly(InputStream in) {
		try {
			in.close();
		}
		catch (IOException ex) {
			// The bytes were all read; a failure to close changes nothing.
		}
	}

	private void backOff(int attempt) {
		long base = this.properties.retryBaseDelay().toMillis() << Math.min(attempt, 10);
		this.sleeper.sleep(Duration.ofMillis(Math.min(base, this.properties.maxRetryDelay().toMillis())));
	}

	private void record(String method, long start, int status) {
		Timer.builder("globus.requests")
			.description("Calls to Globus Auth, Transfer and Groups, per attempt")
			.tag("method", method)
			.tag("operation", OPERATION)
			.tag("outcome", (status > 0) ? String.valueOf(status) : "unreachable")
			.register(this.meters)
			.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
	}

	/**
	 * Percent-encodes every byte of the path's UTF-8 form except unreserved characters
	 * and the slashes between segments (RFC 3986 section 2.3), so that any file name —
	 * spaces, {@code #}, {@code ?}, {@code %}, backslashes, non-ASCII — reaches the
	 * server as the same name.
	 */
	static String encodePath(String path) {
		StringBuilder encoded = new StringBuilder(path.length() + 16);
		for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '.' || c == '_' || c == '~';
			if (unreserved || c == '/') {
				encoded.append((char) c);
			}
			else {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
			}
		}
		return encoded.toString();
	}

	/**
	 * The body of a read: a failure to read it is the server's side failing mid-file,
	 * told apart from a failure to pass the bytes on.
	 */
	private static final class BodyStream extends FilterInputStream {

		private final String path;

		private boolean ended;

		BodyStream(InputStream in, String path) {
			super(in);
			this.path = path;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return (n < 0) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			try {
				int n = this.in.read(buffer, offset, length);
				if (n < 0) {
					this.ended = true;
				}
				return n;
			}
			catch (IOException ex) {
				throw new HttpsStreamException(
						"The connection to the collection's HTTPS server broke while reading '" + this.path + "'",
						OPERATION, ex);
			}
		}

	}

	/**
	 * Where an upload's bytes go: the server's failures are told apart from the source's.
	 */
	private static final class UpstreamOutput extends FilterOutputStream {

		private final String path;

		UpstreamOutput(OutputStream out, String path) {
			super(out);
			this.path = path;
		}

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] buffer, int offset, int length) {
			try {
				this.out.write(buffer, offset, length);
			}
			catch (IOException ex) {
				throw broken(ex);
			}
		}

		@Override
		public void flush() {
			try {
				this.out.flush();
			}
			catch (IOException ex) {
				throw broken(ex);
			}
		}

		@Override
		public void close() {
			try {
				this.out.close();
			}
			catch (IOException ex) {
				throw broken(ex);
			}
		}

		private HttpsStreamException broken(IOException ex) {
			return new HttpsStreamException(
					"The connection to the collection's HTTPS server broke while writing '" + this.path + "'",
					OPERATION, ex);
		}

	}

}
