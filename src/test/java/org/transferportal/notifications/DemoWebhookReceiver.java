package org.transferportal.notifications;

/**
 * Test support for other packages' tests (the browser tests): a local webhook receiver
 * that checks signatures, with its secret.
 */
public final class DemoWebhookReceiver implements AutoCloseable {

	private final WebhookReceiver receiver;

	private DemoWebhookReceiver(WebhookReceiver receiver) {
		this.receiver = receiver;
	}

	public static DemoWebhookReceiver start() {
		return new DemoWebhookReceiver(WebhookReceiver.start());
	}

	public static String secret() {
		return WebhookReceiver.SECRET;
	}

	public String url() {
		return this.receiver.url();
	}

	/** Calls whose signature the receiver verified. */
	public long verifiedCalls() {
		return this.receiver.calls().stream().filter(WebhookReceiver.Call::verified).count();
	}

	@Override
	public void close() {
		this.receiver.close();
	}

}
