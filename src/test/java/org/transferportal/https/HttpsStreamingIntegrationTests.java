package org.transferportal.https;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Downloads and uploads of 1 GiB through the running portal over real HTTP, with a
 * collection HTTPS server that makes up (and checks) a byte pattern instead of keeping
 * files: the bytes arrive whole and in order while the heap stays flat (the used heap
 * after garbage collection, sampled all through, never grows by more than a small bound:
 * a portal holding the file would grow by the whole GiB). Also over real HTTP: a resumed
 * download, an upload whose browser goes away, and a download the collection breaks off.
 * No assertion is on time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "globus.client-id=" + FakeGlobus.CLIENT_ID, "globus.client-secret=" + FakeGlobus.CLIENT_SECRET,
				"portal.lab.allowed-domains=globusid.org", "portal.audit.status-refresh=0",
				"portal.https.allow-http=true", "portal.https.max-upload-size=2GB" })
@AutoConfigureMockMvc
class HttpsStreamingIntegrationTests {

	static final long GIB = 1L << 30;

	/** The most the heap may grow by while a GiB streams through. */
	static final long HEAP_BOUND = 96L << 20;

	static HttpServer collection;

	static final List<String> requests = new CopyOnWriteArrayList<>();

	static final AtomicLong uploaded = new AtomicLong();

	static final AtomicBoolean uploadMatched = new AtomicBoolean();

	final FakeGlobus globus = FakeGlobus.shared();

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@DynamicPropertySource
	static void fakeGlobus(DynamicPropertyRegistry registry) {
		FakeGlobus.register(registry);
		registry.add("globus.timeout", () -> "20s");
	}

	@BeforeAll
	static void startCollection() throws IOException {
		collection = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		collection.createContext("/gcs/", HttpsStreamingIntegrationTests::serve);
		collection.setExecutor(Executors.newFixedThreadPool(4));
		collection.start();
	}

	@AfterAll
	static void stopCollection() {
		collection.stop(0);
	}

	@BeforeEach
	void reset() {
		this.globus.reset();
		requests.clear();
		uploaded.set(0);
		uploadMatched.set(false);
	}

	/** The pattern byte at an offset: what the collection serves and expects. */
	static byte pattern(long offset) {
		return (byte) (offset * 31 + (offset >>> 9));
	}

	/**
	 * The collection's HTTPS server: a GiB of pattern, a sink that checks it, a break.
	 */
	static void serve(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getRawPath();
		requests.add(method + " " + path);
		try (exchange) {
			if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
				exchange.sendResponseHeaders(401, -1);
				return;
			}
			if ("PUT".equals(method)) {
				InputStream in = exchange.getRequestBody();
				byte[] buffer = new byte[64 * 1024];
				long offset = 0;
				boolean matched = true;
				int n;
				while ((n = in.read(buffer)) > 0) {
					for (int i = 0; i < n; i++) {
						matched &= buffer[i] == pattern(offset + i);
					}
					offset += n;
				}
				uploaded.set(offset);
				uploadMatched.set(matched);
				exchange.sendResponseHeaders(201, -1);
				return;
			}
			if ("DELETE".equals(method)) {
				exchange.sendResponseHeaders(204, -1);
				return;
			}
			boolean breaks = path.endsWith("/breaks.bin");
			long size = breaks ? 10L << 20 : GIB;
			long from = 0;
			String range = exchange.getRequestHeaders().getFirst("Range");
			exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
			exchange.getResponseHeaders().set("ETag", "\"pattern\"");
			if (range != null && range.matches("bytes=\\d+-")) {
				from = Long.parseLong(range.substring(6, range.length() - 1));
				exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (size - 1) + "/" + size);
				exchange.sendResponseHeaders(206, size - from);
			}
			else {
				exchange.sendResponseHeaders(200, size);
			}
			OutputStream out = exchange.getResponseBody();
			byte[] buffer = new byte[64 * 1024];
			long end = breaks ? (1L << 20) : size;
			for (long offset = from; offset < end; offset += buffer.length) {
				int n = (int) Math.min(buffer.length, end - offset);
				for (int i = 0; i < n; i++) {
					buffer[i] = pattern(offset + i);
				}
				out.write(buffer, 0, n);
			}
			if (breaks) {
				// The server goes away in the middle of the file.
				throw new IOException("broken off on purpose");
			}
		}
	}

	/** A logged-in user who holds the HTTPS token of a new collection served above. */
	private Session session() {
		PortalBrowser browser = new PortalBrowser(this.mvc, this.globus, FakeGlobus.User.fresh());
		browser.login(PortalBrowser.LOGIN);
		UUID id = UUID.randomUUID();
		this.globus.stubCollection(id, "GCSv5_guest_collection", false,
				"http://127.0.0.1:" + collection.getAddress().getPort() + "/gcs/" + id);
		browser.follow(browser.authorizeAndReturn(browser.follow(browser.post("/files/https/consent",
				Map.of("collection", id.toString(), "path", "/data/", "action", "upload", "reason", "missing")))));
		return new Session(id, browser.sessionId(), csrf(browser.sessionId()));
	}

	private record Session(UUID collection, String cookie, String csrf) {
	}

	/** A CSRF token of the session, from a page with a form, over real HTTP. */
	private String csrf(String sessionId) {
		try {
			HttpResponse<String> page = this.http.send(request("/logout", sessionId).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
			assertThat(matcher.find()).as(page.body()).isTrue();
			return matcher.group(1);
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder request(String path, String sessionId) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Cookie", PortalBrowser.SESSION_COOKIE + "=" + sessionId)
			.timeout(Duration.ofMinutes(5));
	}

	@Test
	void aGibDownloadStreamsWholeWithAFlatHeap() throws Exception {
		Session session = session();
		try (HeapWatch heap = HeapWatch.start()) {
			HttpResponse<InputStream> answer = this.http
				.send(request("/files/download?collection=" + session.collection() + "&path=/data/huge.bin",
						session.cookie())
					.GET()
					.build(), HttpResponse.BodyHandlers.ofInputStream());
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.headers().firstValueAsLong("Content-Length")).hasValue(GIB);
			assertThat(answer.headers().firstValue("Content-Disposition"))
				.hasValue("attachment; filename=\"huge.bin\"; filename*=UTF-8''huge.bin");
			assertThat(checkPattern(answer.body(), 0)).isEqualTo(GIB);
			assertThat(heap.growth()).as("heap growth while 1 GiB streamed, bytes").isLessThan(HEAP_BOUND);
			System.out.println("1 GiB download: heap after GC grew by at most " + (heap.growth() >> 20) + " MiB over "
					+ heap.samples() + " samples");
		}
	}

	@Test
	void aGibUploadStreamsWholeWithAFlatHeapAndIsRenamedIntoPlace() throws Exception {
		Session session = session();
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/operation/endpoint/" + session.collection() + "/stat"))
				.willReturn(FakeGlobus.json(404, FakeGlobus.body("errors/not_found.json"))));
		this.globus.server()
			.stubFor(post(urlPathEqualTo("/v0.10/operation/endpoint/" + session.collection() + "/rename"))
				.willReturn(FakeGlobus.json(200, FakeGlobus.body("transfer/rename_result.json"))));
		try (HeapWatch heap = HeapWatch.start()) {
			HttpResponse<String> answer = this.http
				.send(request("/files/upload?collection=" + session.collection() + "&path=/data/&name=huge.bin",
						session.cookie())
					.header("X-CSRF-TOKEN", session.csrf())
					.header("Content-Type", "application/octet-stream")
					.PUT(HttpRequest.BodyPublishers
						.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(GIB)), GIB))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
			assertThat(uploaded.get()).isEqualTo(GIB);
			assertThat(uploadMatched.get()).as("the bytes arrived in order, unchanged").isTrue();
			assertThat(heap.growth()).as("heap growth while 1 GiB streamed, bytes").isLessThan(HEAP_BOUND);
			System.out.println("1 GiB upload: heap after GC grew by at most " + (heap.growth() >> 20) + " MiB over "
					+ heap.samples() + " samples");
		}
		this.globus.server().verify(postRequestedFor(urlPathMatching("/v0.10/operation/endpoint/.*/rename")));
	}

	@Test
	void aBrokenDownloadResumesWithARangeOverRealHttp() throws Exception {
		Session session = session();
		long from = GIB - 1000;
		HttpResponse<InputStream> part = this.http.send(
				request("/files/download?collection=" + session.collection() + "&path=/data/huge.bin", session.cookie())
					.header("Range", "bytes=" + from + "-")
					.header("If-Range", "\"pattern\"")
					.GET()
					.build(),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(part.statusCode()).isEqualTo(206);
		assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes " + from + "-" + (GIB - 1) + "/" + GIB);
		assertThat(checkPattern(part.body(), from)).isEqualTo(1000);
	}

	@Test
	void aDownloadTheCollectionBreaksOffReachesTheBrowserIncomplete() throws Exception {
		Session session = session();
		HttpResponse<InputStream> answer = this.http
			.send(request("/files/download?collection=" + session.collection() + "&path=/data/breaks.bin",
					session.cookie())
				.GET()
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValueAsLong("Content-Length")).hasValue(10L << 20);
		// Never a file that looks whole: the connection ends before its length.
		assertThatThrownBy(() -> checkPattern(answer.body(), 0)).isInstanceOf(IOException.class);
	}

	@Test
	void anUploadWhoseBrowserGoesAwayIsRecordedAsInterruptedAndItsTemporaryFileDeleted() throws Exception {
		Session session = session();
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/operation/endpoint/" + session.collection() + "/stat"))
				.willReturn(FakeGlobus.json(404, FakeGlobus.body("errors/not_found.json"))));
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("PUT /files/upload?collection=" + session.collection() + "&path=/data/&name=cut.bin HTTP/1.1\r\n"
					+ "Host: localhost:" + this.port + "\r\nCookie: SESSION=" + session.cookie() + "\r\nX-CSRF-TOKEN: "
					+ session.csrf() + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + (10 << 20)
					+ "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(new byte[256 * 1024]);
			out.flush();
		}
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (requests.stream().noneMatch((r) -> r.startsWith("DELETE")) && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		assertThat(requests).anyMatch((r) -> r.startsWith("PUT ") && r.contains("/data/.portal-upload-"));
		assertThat(requests).anyMatch((r) -> r.startsWith("DELETE ") && r.contains("/data/.portal-upload-"));
		this.globus.server().verify(0, postRequestedFor(urlPathMatching(".*/rename")));
	}

	/**
	 * Reads a body to its end, checking the pattern from an offset; returns its length.
	 */
	static long checkPattern(InputStream in, long from) throws IOException {
		try (in) {
			byte[] buffer = new byte[64 * 1024];
			long offset = from;
			int n;
			while ((n = in.read(buffer)) > 0) {
				for (int i = 0; i < n; i++) {
					if (buffer[i] != pattern(offset + i)) {
						throw new AssertionError("byte " + (offset + i) + " is not the pattern's");
					}
				}
				offset += n;
			}
			return offset - from;
		}
	}

	/** The pattern as a stream of a given length, made up as it is read. */
	static final class PatternStream extends InputStream {

		private final long length;

		private long offset;

		PatternStream(long length) {
			this.length = length;
		}

		@Override
		public int read() {
			return (this.offset < this.length) ? pattern(this.offset++) & 0xff : -1;
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (this.offset >= this.length) {
				return -1;
			}
			int n = (int) Math.min(len, this.length - this.offset);
			for (int i = 0; i < n; i++) {
				b[off + i] = pattern(this.offset + i);
			}
			this.offset += n;
			return n;
		}

	}

	/**
	 * Samples the used heap right after a garbage collection, all through a transfer: its
	 * growth over the baseline is what the transfer kept alive.
	 */
	static final class HeapWatch implements AutoCloseable {

		private final long baseline;

		private final AtomicLong peak = new AtomicLong();

		private final AtomicLong count = new AtomicLong();

		private final Thread sampler;

		private volatile boolean running = true;

		private HeapWatch() {
			this.baseline = usedAfterGc();
			this.sampler = new Thread(() -> {
				while (this.running) {
					this.peak.accumulateAndGet(usedAfterGc(), Math::max);
					this.count.incrementAndGet();
					try {
						Thread.sleep(200);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "heap-watch");
			this.sampler.setDaemon(true);
			this.sampler.start();
		}

		static HeapWatch start() {
			return new HeapWatch();
		}

		private static long usedAfterGc() {
			System.gc();
			return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		}

		long growth() {
			return Math.max(0, this.peak.get() - this.baseline);
		}

		long samples() {
			return this.count.get();
		}

		@Override
		public void close() throws InterruptedException {
			this.running = false;
			this.sampler.interrupt();
			this.sampler.join();
		}

	}

}
