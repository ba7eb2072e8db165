package org.transferportal.https;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streaming multipart reader: fields and a file come out as the browser sent them,
 * whatever the file holds (bytes that look like a boundary, line breaks) and however the
 * network cuts the body, and the last part's length is known before it is read.
 */
class MultipartReaderTests {

	private static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

	/** A body as Chromium sends a form: CRLF line breaks, the file last. */
	static byte[] form(String boundary, List<String[]> fields, String filename, byte[] file) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (String[] field : fields) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
					+ field[1] + "\r\n");
		}
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(file);
		write(body, "\r\n--" + boundary + "--\r\n");
		return body.toByteArray();
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void fieldsThenTheFileWithItsLengthKnownBeforeItIsRead() throws IOException {
		byte[] file = "name,value\r\n--not the boundary\r\n".getBytes(StandardCharsets.UTF_8);
		byte[] body = form(BOUNDARY, List.of(new String[] { "_csrf", "token" }, new String[] { "path", "/data/" }),
				"run 1.csv", file);
		MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), BOUNDARY);
		MultipartReader.Part csrf = reader.next();
		assertThat(csrf.name()).isEqualTo("_csrf");
		assertThat(csrf.filename()).isNull();
		assertThat(csrf.text(100)).isEqualTo("token");
		assertThat(reader.next().text(100)).isEqualTo("/data/");
		MultipartReader.Part part = reader.next();
		assertThat(part.filename()).isEqualTo("run 1.csv");
		long length = body.length - reader.consumed() - reader.closingLength();
		assertThat(length).isEqualTo(file.length);
		assertThat(part.body().readAllBytes()).isEqualTo(file);
		assertThat(reader.next()).isNull();
	}

	@Test
	void aQuotedFileNameIsDecodedAsBrowsersEncodeIt() {
		String header = "form-data; name=\"file\"; filename=\"say %22hi%22 donn\u00c3\u00a9es.txt\"";
		assertThat(MultipartReader.parameter(header, "filename")).isEqualTo("say \"hi\" données.txt");
		assertThat(MultipartReader.parameter(header, "name")).isEqualTo("file");
		assertThat(MultipartReader.boundary("multipart/form-data; boundary=\"abc\"")).isEqualTo("abc");
		assertThat(MultipartReader.boundary("application/octet-stream")).isNull();
	}

	@Test
	void aBodyCutShortIsAnErrorNotAShorterFile() throws IOException {
		byte[] body = form(BOUNDARY, List.of(), "a.bin", new byte[5000]);
		byte[] cut = Arrays.copyOf(body, body.length - 100);
		MultipartReader reader = new MultipartReader(new ByteArrayInputStream(cut), BOUNDARY);
		MultipartReader.Part part = reader.next();
		assertThatThrownBy(() -> part.body().readAllBytes()).isInstanceOf(IOException.class);
	}

	@Property(tries = 300)
	void anyFileComesOutWholeHoweverTheBodyArrives(@ForAll("contents") byte[] file,
			@ForAll @IntRange(min = 1, max = 300) int chunk) throws IOException {
		byte[] body = form(BOUNDARY, List.<String[]>of(new String[] { "collection", "x" }), "f.bin", file);
		MultipartReader reader = new MultipartReader(new Trickle(new ByteArrayInputStream(body), chunk), BOUNDARY);
		assertThat(reader.next().text(10)).isEqualTo("x");
		MultipartReader.Part part = reader.next();
		assertThat(body.length - reader.consumed() - reader.closingLength()).isEqualTo(file.length);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[chunk];
		int n;
		while ((n = part.body().read(buffer)) >= 0) {
			out.write(buffer, 0, n);
		}
		assertThat(out.toByteArray()).isEqualTo(file);
		assertThat(reader.next()).isNull();
	}

	@Provide
	Arbitrary<byte[]> contents() {
		// Pieces that look like the boundary's start, line breaks and plain bytes.
		List<byte[]> pieces = new ArrayList<>();
		pieces.add("\r\n".getBytes(StandardCharsets.US_ASCII));
		pieces.add("\r\n--".getBytes(StandardCharsets.US_ASCII));
		pieces.add(("\r\n--" + BOUNDARY.substring(0, 20)).getBytes(StandardCharsets.US_ASCII));
		pieces.add(("--" + BOUNDARY).getBytes(StandardCharsets.US_ASCII));
		pieces.add(new byte[] { 0, (byte) 0xff, '-', '\r' });
		return Arbitraries.oneOf(Arbitraries.of(pieces), Arbitraries.bytes().array(byte[].class).ofMaxSize(70000))
			.list()
			.ofMaxSize(12)
			.map((list) -> {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				list.forEach(out::writeBytes);
				return out.toByteArray();
			})
			// A browser picks a boundary its content does not hold.
			.filter((bytes) -> !new String(bytes, StandardCharsets.ISO_8859_1).contains("\r\n--" + BOUNDARY));
	}

	/** Hands out at most a few bytes a read, as a slow network does. */
	private static final class Trickle extends FilterInputStream {

		private final int chunk;

		Trickle(InputStream in, int chunk) {
			super(in);
			this.chunk = chunk;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			return super.read(b, off, Math.min(len, this.chunk));
		}

	}

}
