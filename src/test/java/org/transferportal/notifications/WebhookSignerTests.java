package org.transferportal.notifications;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Webhook signatures as the Standard Webhooks specification defines them.
 */
class WebhookSignerTests {

	/**
	 * The published example of the specification's reference libraries
	 * (standard-webhooks, libraries/javascript/src/webhook.test.ts, "sign function
	 * works"), which {@code openssl dgst -sha256 -mac HMAC} also gives.
	 */
	@Test
	void signsTheSpecificationsPublishedExample() {
		WebhookSigner signer = new WebhookSigner("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

		assertThat(signer.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}"))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	/**
	 * A second vector, computed apart with openssl: {@code printf '%s'
	 * 'msg_1.1700000000.{"type":"transfer.failed"}' | openssl dgst -sha256 -mac HMAC
	 * -macopt hexkey:<the key's 24 bytes 0x01…0x18> -binary | base64}.
	 */
	@Test
	void signsTheIdTheTimestampAndTheBodyExactlyAsSent() {
		byte[] key = new byte[24];
		for (int i = 0; i < key.length; i++) {
			key[i] = (byte) (i + 1);
		}
		WebhookSigner signer = new WebhookSigner("whsec_" + java.util.Base64.getEncoder().encodeToString(key));

		String signature = signer.sign("msg_1", 1700000000L, "{\"type\":\"transfer.failed\"}");

		assertThat(signature).isEqualTo("v1,lTpO79ZqlVK/w05Y/pP3UI7ItYYVneZSk9xC5KqBxsc=");
		assertThat(signer.sign("msg_1", 1700000001L, "{\"type\":\"transfer.failed\"}")).isNotEqualTo(signature);
		assertThat(signer.sign("msg_2", 1700000000L, "{\"type\":\"transfer.failed\"}")).isNotEqualTo(signature);
		assertThat(signer.sign("msg_1", 1700000000L, "{\"type\": \"transfer.failed\"}")).isNotEqualTo(signature);
	}

	@Test
	void refusesSecretsTheSpecificationDoesNotAllowWithoutSayingThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSigner.key("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
			.withMessageContaining("whsec_");
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSigner.key("whsec_not base64!"))
			.withMessageContaining("base64")
			.withMessageNotContaining("not base64!");
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSigner.key("whsec_c2hvcnQ="))
			.withMessageContaining("24 to 64 bytes");
	}

}
