package org.transferportal.globus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client of a collection's HTTPS server against WireMock: the user's token on every
 * call and nowhere else, ranges passed on, any file name encoded, login pages and
 * redirects told apart from files, and a refused token refreshed once.
 */
class CollectionHttpsClientTests {

	@RegisterExtension
	static final GlobusServer server = new GlobusServer();

	private final GlobusFixtures.Tokens tokens = new GlobusFixtures.Tokens("https-token", "fresh-token");

	private CollectionHttpsClient client() {
		return GlobusFixtures.clients(GlobusFixtures.properties(server), new GlobusFixtures.RecordingSleeper())
			.https(server.baseUrl() + "/", this.tokens);
	}

	private static String text(CollectionHttpsClient client, String path, String range) throws IOException {
		return client.read(path, range, null, (file) -> new String(file.body().readAllBytes(), StandardCharsets.UTF_8));
	}

	@Test
	void aFileIsReadWithTheUsersTokenAndItsHeaders() throws IOException {
		server.stubFor(get(urlEqualTo("/data/run1.csv")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/csv")
			.withHeader("ETag", "\"v1\"")
			.withHeader("Last-Modified", "Tue, 01 Sep 2026 10:00:00 GMT")
			.withHeader("Content-Length", "8")
			.withBody("a,b\n1,2\n")));
		HttpsFile seen = client().read("/data/run1.csv", null, null, (file) -> {
			assertThat(new String(file.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n");
			return file;
		});
		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.contentType()).isEqualTo("text/csv");
		assertThat(seen.contentLength()).isEqualTo(8);
		assertThat(seen.totalSize()).isEqualTo(8);
		assertThat(seen.etag()).isEqualTo("\"v1\"");
		server.verify(getRequestedFor(urlEqualTo("/data/run1.csv")).withHeader("Authorization",
				equalTo("Bearer https-token")));
	}

	@Test
	void aRangeAndItsValidatorArePassedOnAndThePartIsReportedWithTheWholeSize() throws IOException {
		server.stubFor(get(urlEqualTo("/big.bin")).withHeader("Range", equalTo("bytes=100-"))
			.withHeader("If-Range", equalTo("\"v1\""))
			.willReturn(aResponse().withStatus(206)
				.withHeader("Content-Range", "bytes 100-103/104")
				.withHeader("Content-Type", "application/octet-stream")
				.withBody("tail")));
		HttpsFile part = client().read("/big.bin", "bytes=100-", "\"v1\"", (file) -> {
			assertThat(file.body().readAllBytes()).hasSize(4);
			return file;
		});
		assertThat(part.status()).isEqualTo(206);
		assertThat(part.totalSize()).isEqualTo(104);
		server.stubFor(get(urlEqualTo("/small.bin"))
			.willReturn(aResponse().withStatus(416).withHeader("Content-Range", "bytes */4")));
		HttpsFile past = client().read("/small.bin", "bytes=10-", null, (file) -> file);
		assertThat(past.status()).isEqualTo(416);
		assertThat(past.totalSize()).isEqualTo(4);
	}

	@Test
	void anyFileNameIsEncodedSoThatTheServerSeesTheSameName() throws IOException {
		String encoded = "/odd%20names/percent%25and%26semi%3Bhash%23q%3F%22%3Cscript%3E%5Cback-donn%C3%A9es-%CE%B1.txt";
		server.stubFor(get(urlEqualTo(encoded)).willReturn(aResponse().withStatus(200).withBody("ok")));
		assertThat(text(client(), "/odd names/percent%and&semi;hash#q?\"<script>\\back-données-α.txt", null))
			.isEqualTo("ok");
	}

	@Test
	void aLoginPageInsteadOfTheFileIsToldApartAndNeverHandedOver() {
		server.stubFor(get(urlEqualTo("/data/run1.csv")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html; charset=utf-8")
			.withBody(GlobusFixtures.body("https/login_page.html"))));
		assertThatThrownBy(() -> client().read("/data/run1.csv", null, null, (file) -> {
			throw new AssertionError("a login page must not be read as the file");
		})).isInstanceOfSatisfying(HttpsAccessException.class, (ex) -> assertThat(ex.wantsLogin()).isTrue());
	}

	@Test
	void anHtmlFileIsAFileNotALoginPage() throws IOException {
		server.stubFor(get(urlEqualTo("/site/index.html"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<p>hi</p>")));
		assertThat(text(client(), "/site/index.html", null)).isEqualTo("<p>hi</p>");
	}

	@Test
	void aRedirectIsNeverFollowedSoTheTokenStaysWithTheServer() {
		server.stubFor(get(urlEqualTo("/data/run1.csv"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", server.baseUrl() + "/elsewhere/run1.csv")));
		assertThatThrownBy(() -> text(client(), "/data/run1.csv", null))
			.isInstanceOfSatisfying(HttpsAccessException.class, (ex) -> assertThat(ex.wantsLogin()).isTrue());
		server.verify(0, getRequestedFor(urlEqualTo("/elsewhere/run1.csv")));
	}

	@Test
	void aRefusedTokenIsRefreshedOnceThenReported() throws IOException {
		server.stubFor(get(urlEqualTo("/a.txt")).withHeader("Authorization", equalTo("Bearer https-token"))
			.willReturn(aResponse().withStatus(401)));
		server.stubFor(get(urlEqualTo("/a.txt")).withHeader("Authorization", equalTo("Bearer fresh-token"))
			.willReturn(aResponse().withStatus(200).withBody("a")));
		assertThat(text(client(), "/a.txt", null)).isEqualTo("a");
		assertThat(this.tokens.refreshes).isEqualTo(1);

		server.stubFor(get(urlEqualTo("/b.txt")).willReturn(aResponse().withStatus(401)));
		assertThatThrownBy(() -> text(client(), "/b.txt", null)).isInstanceOfSatisfying(HttpsAccessException.class,
				(ex) -> assertThat(ex.tokenRefused()).isTrue());
		server.stubFor(get(urlEqualTo("/c.txt")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\": \"permission_denied\", \"detail\": \"No access to /c.txt\"}")));
		assertThatThrownBy(() -> text(client(), "/c.txt", null)).isInstanceOfSatisfying(HttpsAccessException.class,
				(ex) -> assertThat(ex.getMessage()).contains("No access to /c.txt"));
		server.stubFor(get(urlEqualTo("/d.txt")).willReturn(aResponse().withStatus(404)));
		assertThatThrownBy(() -> text(client(), "/d.txt", null)).isInstanceOfSatisfying(GlobusApiException.class,
				(ex) -> assertThat(ex.status()).isEqualTo(404));
	}

	@Test
	void aFileIsWrittenWithItsLengthAndAnHtmlAnswerToTheWriteIsALoginPage() throws IOException {
		byte[] bytes = "uploaded bytes".getBytes(StandardCharsets.UTF_8);
		server.stubFor(put(urlEqualTo("/in/new.txt")).willReturn(aResponse().withStatus(201)));
		client().write("/in/new.txt", bytes.length, (out) -> out.write(bytes));
		server.verify(
				putRequestedFor(urlEqualTo("/in/new.txt")).withHeader("Authorization", equalTo("Bearer https-token"))
					.withHeader("Content-Length", equalTo(String.valueOf(bytes.length)))
					.withHeader("Transfer-Encoding", absent())
					.withRequestBody(binaryEqualTo(bytes)));

		server.stubFor(put(urlEqualTo("/in/stepup.txt")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html")
			.withBody(GlobusFixtures.body("https/login_page.html"))));
		assertThatThrownBy(() -> client().write("/in/stepup.txt", bytes.length, (out) -> out.write(bytes)))
			.isInstanceOfSatisfying(HttpsAccessException.class, (ex) -> assertThat(ex.wantsLogin()).isTrue());
	}

	@Test
	void aSourceThatFailsMidFileIsTheCallersFailureAndTheServerIsCutOff() {
		server.stubFor(put(urlEqualTo("/in/cut.txt")).willReturn(aResponse().withStatus(201)));
		assertThatThrownBy(() -> client().write("/in/cut.txt", 1000, (out) -> {
			out.write(new byte[10]);
			throw new IOException("the browser went away");
		})).isInstanceOf(IOException.class).hasMessage("the browser went away");
	}

	@Test
	void aServerThatBreaksOffMidFileIsAStreamFailure() throws IOException {
		server.stubFor(get(urlEqualTo("/broken.bin"))
			.willReturn(aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
		assertThatThrownBy(() -> client().read("/broken.bin", null, null, (file) -> {
			ByteArrayOutputStream sink = new ByteArrayOutputStream();
			file.body().transferTo(sink);
			return sink.size();
		})).isInstanceOf(HttpsStreamException.class);
	}

	@Test
	void aDeletedFileThatIsAlreadyGoneCountsAsDeleted() {
		server.stubFor(delete(urlEqualTo("/in/tmp.part")).willReturn(aResponse().withStatus(404)));
		client().delete("/in/tmp.part");
		server.verify(deleteRequestedFor(urlEqualTo("/in/tmp.part")).withHeader("Authorization",
				equalTo("Bearer https-token")));
	}

	@Test
	void onlyUnreservedCharactersAndSlashesStayAsTheyAre() {
		assertThat(CollectionHttpsClient.encodePath("/a-b_c.d~e/F 9+x")).isEqualTo("/a-b_c.d~e/F%209%2Bx");
	}

}
