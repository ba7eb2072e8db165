package org.transferportal.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.transferportal.simulator.SimulatedGlobusBrowser.TRANSFER_ALL;
import static org.transferportal.simulator.SimulatedGlobusBrowser.dataAccess;
import static org.transferportal.simulator.SimulatedGlobusBrowser.json;

/**
 * The simulator's dropped connections over real HTTP: an answer cut short before the call
 * takes effect ({@code drop}), and a submission accepted whose answer is cut short
 * ({@code lost-drop}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "simulator.enabled=true",
		"simulator.faults[0]=GET /submission_id:drop:1", "simulator.faults[1]=POST /transfer:lost-drop:1" })
class SimulatedGlobusFaultsIntegrationTests {

	static final String API = "/simulator/transfer/v0.10";

	static final String TUTORIAL_1 = "6c54cade-bde5-45c1-bdea-f4bd71dba2cc";

	static final String TUTORIAL_2 = "31ce9ba0-176d-45a5-add3-f37d233ba47d";

	private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

	@LocalServerPort
	int port;

	@Autowired
	SimulatorProperties simulator;

	@Test
	void aDroppedAnswerPromisesMoreThanItSendsAndTheConnectionCloses() throws IOException {
		String token = new SimulatedGlobusBrowser(this.port, this.simulator).transferToken("bob",
				"openid " + TRANSFER_ALL);

		String raw = rawGet(API + "/submission_id", token);

		int endOfHeaders = raw.indexOf("\r\n\r\n");
		String head = raw.substring(0, endOfHeaders);
		String body = raw.substring(endOfHeaders + 4);
		assertThat(head).startsWith("HTTP/1.1 200");
		assertThat(head.toLowerCase(Locale.ROOT)).contains("connection: close");
		Matcher length = CONTENT_LENGTH.matcher(head);
		assertThat(length.find()).isTrue();
		assertThat(body.getBytes(StandardCharsets.UTF_8).length).as("bytes sent before the close")
			.isPositive()
			.isLessThan(Integer.parseInt(length.group(1)));
		// The fault fired once; the same call now answers.
		HttpResponse<String> again = new SimulatedGlobusBrowser(this.port, this.simulator).get(API + "/submission_id",
				token);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(json(again).path("value").asString()).isNotBlank();
	}

	@Test
	void aSubmissionWhoseAnswerIsDroppedHasItsTaskAndItsResendIsADuplicate() {
		SimulatedGlobusBrowser client = new SimulatedGlobusBrowser(this.port, this.simulator);
		String token = client.transferToken("carol",
				"openid " + TRANSFER_ALL + "[*" + dataAccess(TUTORIAL_1) + " *" + dataAccess(TUTORIAL_2) + "]");
		String label = "dropped-" + UUID.randomUUID().toString().substring(0, 8);
		String body = """
				{"DATA_TYPE": "transfer", "submission_id": "%s", "source_endpoint": "%s",
				 "destination_endpoint": "%s", "label": "%s",
				 "DATA": [{"DATA_TYPE": "transfer_item", "source_path": "/share/godata/file1.txt",
				           "destination_path": "/~/dropped.txt"}]}
				""".formatted(UUID.randomUUID(), TUTORIAL_1, TUTORIAL_2, label);

		assertThatIllegalStateException().as("the client sees the connection close mid-answer")
			.isThrownBy(() -> client.send("POST", API + "/transfer", token, body))
			.withCauseInstanceOf(IOException.class);

		HttpResponse<String> resent = client.send("POST", API + "/transfer", token, body);
		assertThat(resent.statusCode()).isEqualTo(200);
		JsonNode duplicate = json(resent);
		assertThat(duplicate.path("code").asString()).isEqualTo("Duplicate");
		JsonNode tasks = json(client.get(API + "/task_list?filter=label:" + label, token));
		assertThat(tasks.path("total").asInt()).isEqualTo(1);
		assertThat(tasks.path("DATA").get(0).path("task_id").asString())
			.isEqualTo(duplicate.path("task_id").asString());
	}

	/** One GET on a connection of its own, read until the server closes it. */
	private String rawGet(String path, String bearer) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + this.port + "\r\nAuthorization: Bearer "
					+ bearer + "\r\nAccept: application/json\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			// A stall instead of a close would end in SocketTimeoutException.
			in.transferTo(received);
			return received.toString(StandardCharsets.UTF_8);
		}
	}

}
