package org.transferportal.https;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) as a stream, part after part, each
 * part's bytes read through a fixed buffer: nothing is held whole, in memory or on disk.
 * It also tells how many bytes of the body it has taken, so that the length of a last
 * part can be known before it is read.
 */
final class MultipartReader {

	/** The longest header line read. */
	private static final int MAX_LINE = 8 * 1024;

	private static final int BUFFER = 64 * 1024;

	private final InputStream in;

	private final byte[] delimiter;

	private final byte[] buffer;

	/** The next byte to take, and the end of the bytes read into the buffer. */
	private int position;

	private int limit;

	/** Bytes read from the stream (the made-up CRLF the buffer starts with is not). */
	private long read;

	private boolean ended;

	private boolean finished;

	private Part current;

	MultipartReader(InputStream in, String boundary) {
		this.in = in;
		this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		this.buffer = new byte[BUFFER + this.delimiter.length];
		// The first boundary has no line break before it: pretend it has one.
		this.buffer[0] = '\r';
		this.buffer[1] = '\n';
		this.limit = 2;
	}

	/** The boundary of a {@code multipart/form-data} content type, or {@code null}. */
	static String boundary(String contentType) {
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			return null;
		}
		for (String parameter : contentType.split(";")) {
			String p = parameter.strip();
			if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
				String value = p.substring(9).strip();
				if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
					value = value.substring(1, value.length() - 1);
				}
				return (value.isEmpty() || value.length() > 70) ? null : value;
			}
		}
		return null;
	}

	/**
	 * One part: its headers, the form field's name, the file name (for a file), and its
	 * bytes, which must be read before the next part is asked for.
	 */
	record Part(Map<String, String> headers, String name, String filename, InputStream body) {

		/** The part's bytes as text (a form field), at most this many bytes. */
		String text(int max) throws IOException {
			byte[] bytes = this.body.readNBytes(max + 1);
			if (bytes.length > max) {
				throw new IOException("The form field '" + this.name + "' is too long");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}

	}

	/** The next part, or {@code null} after the last. */
	Part next() throws IOException {
		if (this.current != null) {
			// Skip what the caller did not read of the part before.
			this.current.body().transferTo(OutputStreamNull.INSTANCE);
		}
		if (this.current == null && !skipToDelimiter()) {
			return null;
		}
		if (this.finished) {
			return null;
		}
		Map<String, String> headers = new LinkedHashMap<>();
		String line;
		while (!(line = readLine()).isEmpty()) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
						line.substring(colon + 1).strip());
			}
		}
		String disposition = headers.getOrDefault("content-disposition", "");
		this.current = new Part(headers, parameter(disposition, "name"), parameter(disposition, "filename"),
				new PartStream());
		return this.current;
	}

	/**
	 * How many bytes of the body have been taken so far: at the start of a part's bytes,
	 * where they begin.
	 */
	long consumed() {
		return this.read - (this.limit - this.position);
	}

	/** The bytes after the last part's bytes: {@code CRLF--boundary--CRLF}. */
	int closingLength() {
		return this.delimiter.length + 4;
	}

	/** Skips the preamble up to and past the first delimiter. */
	private boolean skipToDelimiter() throws IOException {
		while (true) {
			fill(this.delimiter.length);
			int at = indexOf();
			if (at >= 0) {
				this.position = at + this.delimiter.length;
				afterDelimiter();
				return true;
			}
			if (this.ended && this.limit - this.position < this.delimiter.length) {
				return false;
			}
			this.position = Math.max(this.position, this.limit - this.delimiter.length + 1);
		}
	}

	/** After a delimiter: {@code --} ends the body, a line break starts a part. */
	private void afterDelimiter() throws IOException {
		fill(2);
		if (this.limit - this.position >= 2 && this.buffer[this.position] == '-'
				&& this.buffer[this.position + 1] == '-') {
			this.position += 2;
			this.finished = true;
			return;
		}
		// Transport padding, then the line break.
		readLine();
	}

	private String readLine() throws IOException {
		StringBuilder line = new StringBuilder();
		while (true) {
			fill(1);
			if (this.position >= this.limit) {
				throw new IOException("The form's data ended in the middle of a part's headers");
			}
			byte b = this.buffer[this.position++];
			if (b == '\n') {
				int length = line.length();
				return (length > 0 && line.charAt(length - 1) == '\r') ? line.substring(0, length - 1)
						: line.toString();
			}
			if (line.length() >= MAX_LINE) {
				throw new IOException("A header line of the form's data is too long");
			}
			line.append((char) (b & 0xff));
		}
	}

	/** Reads until at least {@code wanted} bytes are buffered, or the stream ends. */
	private void fill(int wanted) throws IOException {
		if (this.limit - this.position >= wanted || this.ended) {
			return;
		}
		if (this.position > 0) {
			System.arraycopy(this.buffer, this.position, this.buffer, 0, this.limit - this.position);
			this.limit -= this.position;
			this.position = 0;
		}
		while (this.limit - this.position < wanted && this.limit < this.buffer.length) {
			int n = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
			if (n < 0) {
				this.ended = true;
				return;
			}
			this.limit += n;
			this.read += n;
		}
	}

	/** Where the delimiter starts among the buffered bytes, or -1. */
	private int indexOf() {
		byte first = this.delimiter[0];
		int last = this.limit - this.delimiter.length;
		outer: for (int i = this.position; i <= last; i++) {
			if (this.buffer[i] != first) {
				continue;
			}
			for (int j = 1; j < this.delimiter.length; j++) {
				if (this.buffer[i + j] != this.delimiter[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** A parameter of a {@code Content-Disposition} header, browsers' way. */
	static String parameter(String header, String name) {
		int at = 0;
		String lower = header.toLowerCase(Locale.ROOT);
		while ((at = lower.indexOf(name + "=", at)) >= 0) {
			boolean starts = at == 0 || lower.charAt(at - 1) == ';' || lower.charAt(at - 1) == ' ';
			int value = at + name.length() + 1;
			if (starts) {
				if (value < header.length() && header.charAt(value) == '"') {
					int close = header.indexOf('"', value + 1);
					String quoted = header.substring(value + 1, (close < 0) ? header.length() : close);
					// Browsers percent-encode only these three in quoted names (HTML's
					// multipart/form-data encoding).
					return new String(quoted.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
						.replace("%22", "\"")
						.replace("%0D", "\r")
						.replace("%0A", "\n");
				}
				int end = header.indexOf(';', value);
				return header.substring(value, (end < 0) ? header.length() : end).strip();
			}
			at = value;
		}
		return null;
	}

	/** The bytes of the current part, up to the next delimiter. */
	private final class PartStream extends InputStream {

		private boolean done;

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] target, int offset, int length) throws IOException {
			if (this.done) {
				return -1;
			}
			if (length == 0) {
				return 0;
			}
			MultipartReader reader = MultipartReader.this;
			reader.fill(reader.delimiter.length);
			int at = reader.indexOf();
			int available;
			if (at >= 0) {
				available = at - reader.position;
			}
			else if (reader.ended) {
				throw new IOException("The form's data ended in the middle of a part");
			}
			else {
				// The last bytes may be the start of a delimiter: keep them for later.
				available = reader.limit - reader.position - reader.delimiter.length + 1;
			}
			if (available <= 0 && at >= 0) {
				reader.position = at + reader.delimiter.length;
				reader.afterDelimiter();
				this.done = true;
				return -1;
			}
			int n = Math.min(length, Math.max(available, 0));
			if (n == 0) {
				// Not enough bytes yet to tell: make room and read on.
				reader.fill(reader.limit - reader.position + 1);
				return read(target, offset, length);
			}
			System.arraycopy(reader.buffer, reader.position, target, offset, n);
			reader.position += n;
			return n;
		}

	}

	/** Discards bytes. */
	private static final class OutputStreamNull extends OutputStream {

		static final OutputStreamNull INSTANCE = new OutputStreamNull();

		@Override
		public void write(int b) {
		}

		@Override
		public void write(byte[] b, int off, int len) {
		}

	}

}
