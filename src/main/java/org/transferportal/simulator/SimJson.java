package org.transferportal.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The simulator's own JSON handling: it writes exactly the fields it puts in (nulls
 * included) whatever the application's Jackson settings are.
 */
public final class SimJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private SimJson() {
	}

	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	public static JsonNode read(String json) {
		return MAPPER.readTree(json);
	}

	public static JsonNode resource(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return MAPPER.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A UTF-8 text resource of the classpath. */
	public static String text(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static ResponseEntity<String> respond(int status, Object body) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(write(body));
	}

	public static ResponseEntity<String> respond(int status, Object body, HttpHeaders headers) {
		return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_JSON).body(write(body));
	}

	/** An ordered map built from alternating keys and values (nulls allowed). */
	public static Map<String, Object> object(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	/** A short random id like Globus's request ids. */
	public static String requestId() {
		return randomString(9);
	}

	public static String randomString(int length) {
		StringBuilder sb = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			sb.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
		}
		return sb.toString();
	}

}
