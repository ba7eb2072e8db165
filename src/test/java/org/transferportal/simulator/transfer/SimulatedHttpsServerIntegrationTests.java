package org.transferportal.simulator.transfer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.transferportal.simulator.SimulatedGlobusBrowser;
import org.transferportal.simulator.SimulatorProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract tests of the simulated collections' HTTPS servers over HTTP (reference §2.2):
 * the token of the collection's {@code https} scope and no other, ranges, uploads within
 * the size limit, and the login page a high-assurance collection answers an old or
 * foreign login with.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "simulator.enabled=true",
		"simulator.https-max-upload=1MB",
		"simulator.faults[0]=GET /https/6c54cade-bde5-45c1-bdea-f4bd71dba2cc/share/godata/file3.txt:login-page:1" })
class SimulatedHttpsServerIntegrationTests {

	static final String TUTORIAL_1 = "6c54cade-bde5-45c1-bdea-f4bd71dba2cc";

	static final String TUTORIAL_2 = "31ce9ba0-176d-45a5-add3-f37d233ba47d";

	static final String LAB_DATA = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	static final String CLINICAL = "0b7c5a1e-9d2f-4c8e-b6a3-2f1e4d5c6b7a";

	@LocalServerPort
	int port;

	@Autowired
	SimulatorProperties simulator;

	private final HttpClient http = HttpClient.newHttpClient();

	SimulatedGlobusBrowser browser;

	@BeforeEach
	void newBrowser() {
		this.browser = new SimulatedGlobusBrowser(this.port, this.simulator);
	}

	/** A token for the collection's HTTPS server, from a login that asked for it. */
	String httpsToken(String identity, String collection) {
		return SimulatedGlobusBrowser
			.tokenFor(new SimulatedGlobusBrowser(this.port, this.simulator).login(identity,
					"openid https://auth.globus.org/scopes/" + collection + "/https", Map.of()), collection)
			.path("access_token")
			.asString();
	}

	HttpResponse<byte[]> send(String method, String collection, String path, String token, byte[] body,
			String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/simulator/https/" + collection + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void theCollectionDocumentPointsAtItsHttpsServerAndItServesFilesAndRanges() throws Exception {
		String transfer = this.browser.transferToken("alice",
				"openid urn:globus:auth:scope:transfer.api.globus.org:all");
		String document = this.browser.get("/simulator/transfer/v0.10/endpoint/" + TUTORIAL_1, transfer).body();
		assertThat(document)
			.contains("\"https_server\":\"http://localhost:" + this.port + "/simulator/https/" + TUTORIAL_1 + "\"");
		String token = httpsToken("alice", TUTORIAL_1);

		HttpResponse<byte[]> whole = send("GET", TUTORIAL_1, "/share/godata/file1.txt", token, null);
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).hasSize(4);
		assertThat(whole.headers().firstValue("Content-Type"))
			.hasValueSatisfying((t) -> assertThat(t).startsWith("text/plain"));
		assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
		String etag = whole.headers().firstValue("ETag").orElseThrow();

		HttpResponse<byte[]> tail = send("GET", TUTORIAL_1, "/share/godata/file1.txt", token, null, "Range", "bytes=1-",
				"If-Range", etag);
		assertThat(tail.statusCode()).isEqualTo(206);
		assertThat(tail.headers().firstValue("Content-Range")).hasValue("bytes 1-3/4");
		assertThat(tail.body()).containsExactly(Arrays.copyOfRange(whole.body(), 1, 4));

		HttpResponse<byte[]> changed = send("GET", TUTORIAL_1, "/share/godata/file1.txt", token, null, "Range",
				"bytes=1-", "If-Range", "\"another-version\"");
		assertThat(changed.statusCode()).as("a changed file is sent whole").isEqualTo(200);
		HttpResponse<byte[]> past = send("GET", TUTORIAL_1, "/share/godata/file1.txt", token, null, "Range",
				"bytes=10-");
		assertThat(past.statusCode()).isEqualTo(416);
		assertThat(past.headers().firstValue("Content-Range")).hasValue("bytes */4");
	}

	@Test
	void aLargeMadeUpFileServesAnyRangeFromItsPatternWithoutHoldingIt() throws Exception {
		String token = httpsToken("alice", LAB_DATA);
		long size = 1L << 30;
		String path = "/projects/huge/one-gib.bin";
		HttpResponse<byte[]> end = send("GET", LAB_DATA, path, token, null, "Range", "bytes=" + (size - 1000) + "-");
		assertThat(end.statusCode()).isEqualTo(206);
		assertThat(end.headers().firstValue("Content-Range"))
			.hasValue("bytes " + (size - 1000) + "-" + (size - 1) + "/" + size);
		int seed = (LAB_DATA + ":" + path).hashCode();
		for (int i = 0; i < 1000; i++) {
			assertThat(end.body()[i]).isEqualTo(VirtualContent.patternByte(seed, size - 1000 + i));
		}
		HttpResponse<byte[]> csv = send("GET", LAB_DATA, "/projects/samples/readings.csv", token, null, "Range",
				"bytes=0-99");
		assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("sample,run,temperature_c");
		HttpResponse<byte[]> json = send("GET", LAB_DATA, "/projects/samples/summary.json", token, null);
		assertThat(json.body()).hasSize(3900);
		assertThat(new String(json.body(), StandardCharsets.UTF_8).strip()).startsWith("[").endsWith("]");
	}

	@Test
	void theServerRefusesNoTokenAndTokensForAnythingElse() throws Exception {
		HttpResponse<byte[]> anonymous = send("GET", TUTORIAL_1, "/share/godata/file1.txt", null, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		String transfer = this.browser.transferToken("alice",
				"openid urn:globus:auth:scope:transfer.api.globus.org:all");
		assertThat(send("GET", TUTORIAL_1, "/share/godata/file1.txt", transfer, null).statusCode()).isEqualTo(403);
		String other = httpsToken("alice", TUTORIAL_2);
		assertThat(send("GET", TUTORIAL_1, "/share/godata/file1.txt", other, null).statusCode()).isEqualTo(403);
		String token = httpsToken("alice", TUTORIAL_1);
		assertThat(send("GET", TUTORIAL_1, "/share/godata/../godata/file1.txt", token, null).statusCode()).isIn(400,
				404);
	}

	@Test
	void anUploadIsKeptReplacedAndDeletedAndOneTooLargeOrReadOnlyIsRefused() throws Exception {
		String token = httpsToken("alice", TUTORIAL_1);
		byte[] content = "measured,value\n1,2\n".getBytes(StandardCharsets.UTF_8);
		assertThat(send("PUT", TUTORIAL_1, "/home/alice/upload%20one.csv", token, content).statusCode()).isEqualTo(201);
		HttpResponse<byte[]> back = send("GET", TUTORIAL_1, "/home/alice/upload%20one.csv", token, null);
		assertThat(back.body()).isEqualTo(content);
		assertThat(back.headers().firstValue("Content-Type")).hasValue("text/csv");
		assertThat(send("PUT", TUTORIAL_1, "/home/alice/upload%20one.csv", token, "x".getBytes()).statusCode())
			.isEqualTo(204);
		assertThat(send("GET", TUTORIAL_1, "/home/alice/upload%20one.csv", token, null).body()).hasSize(1);

		assertThat(send("PUT", TUTORIAL_1, "/home/alice/big.bin", token, new byte[1024 * 1024 + 1]).statusCode())
			.isEqualTo(413);
		assertThat(send("GET", TUTORIAL_1, "/home/alice/big.bin", token, null).statusCode()).isEqualTo(404);
		assertThat(send("PUT", TUTORIAL_1, "/share/godata/new.txt", token, content).statusCode()).isEqualTo(403);
		assertThat(send("PUT", TUTORIAL_1, "/no/such/folder/x.txt", token, content).statusCode()).isEqualTo(409);

		assertThat(send("DELETE", TUTORIAL_1, "/home/alice/upload%20one.csv", token, null).statusCode()).isEqualTo(204);
		assertThat(send("GET", TUTORIAL_1, "/home/alice/upload%20one.csv", token, null).statusCode()).isEqualTo(404);
	}

	@Test
	void aHighAssuranceCollectionAnswersALoginFromAnotherDomainWithALoginPage() throws Exception {
		String carol = httpsToken("carol", CLINICAL);
		HttpResponse<byte[]> page = send("GET", CLINICAL, "/studies/study-42/scan-001.dcm", carol, null);
		assertThat(page.statusCode()).as("no error status: a page that sends a browser to log in").isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((t) -> assertThat(t).startsWith("text/html"));
		assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("http-equiv=\"refresh\"");

		String bob = httpsToken("bob", CLINICAL);
		HttpResponse<byte[]> file = send("GET", CLINICAL, "/studies/study-42/scan-001.dcm", bob, null, "Range",
				"bytes=0-9");
		assertThat(file.statusCode()).isEqualTo(206);
		assertThat(file.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
	}

	@Test
	void aLoginPageFaultAnswersWithThePageOnce() throws Exception {
		String token = httpsToken("alice", TUTORIAL_1);
		HttpResponse<byte[]> page = send("GET", TUTORIAL_1, "/share/godata/file3.txt", token, null);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((t) -> assertThat(t).startsWith("text/html"));
		HttpResponse<byte[]> file = send("GET", TUTORIAL_1, "/share/godata/file3.txt", token, null);
		assertThat(file.headers().firstValue("Content-Type")).hasValue("text/plain");
	}

}
