package org.transferportal.globus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test support: an HTTP/1.1 server that answers each connection with the next scripted
 * answer, byte for byte, then closes it. Unlike WireMock, which sets Content-Length from
 * the body it sends, it can send an answer whose headers promise more than follows, as
 * the simulator's {@code drop} fault does.
 */
final class RawHttpServer implements AutoCloseable {

	/** One answer: status, JSON body, and how much of the body is sent before closing. */
	record Answer(int status, String body, boolean cutShort) {

		static Answer whole(int status, String body) {
			return new Answer(status, body, false);
		}

		static Answer cutShort(int status, String body) {
			return new Answer(status, body, true);
		}

		byte[] bytes() {
			byte[] full = this.body.getBytes(StandardCharsets.UTF_8);
			int sent = this.cutShort ? full.length / 2 : full.length;
			int promised = this.cutShort ? full.length + 512 : full.length;
			String head = "HTTP/1.1 " + this.status + " Whatever\r\nContent-Type: application/json\r\nContent-Length: "
					+ promised + "\r\nConnection: close\r\n\r\n";
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
			out.write(full, 0, sent);
			return out.toByteArray();
		}

	}

	private final ServerSocket socket;

	private final List<String> requestBodies = new CopyOnWriteArrayList<>();

	private final Thread acceptor;

	RawHttpServer(Answer... answers) {
		try {
			this.socket = new ServerSocket(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.acceptor = new Thread(() -> serve(List.of(answers)), "raw-http-server");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	String baseUrl() {
		return "http://localhost:" + this.socket.getLocalPort();
	}

	/** The bodies of the requests received, in order. */
	List<String> requestBodies() {
		return this.requestBodies;
	}

	private void serve(List<Answer> answers) {
		int next = 0;
		while (!this.socket.isClosed()) {
			try (Socket connection = this.socket.accept()) {
				this.requestBodies.add(readRequestBody(connection.getInputStream()));
				Answer answer = answers.get(Math.min(next++, answers.size() - 1));
				OutputStream out = connection.getOutputStream();
				out.write(answer.bytes());
				out.flush();
			}
			catch (IOException ex) {
				// Closed by close(), or the client went away: nothing to answer.
			}
		}
	}

	private static String readRequestBody(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("Request ended before its headers");
			}
			head.write(b);
		}
		int length = 0;
		for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				length = Integer.parseInt(line.substring("content-length:".length()).trim());
			}
		}
		return new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
