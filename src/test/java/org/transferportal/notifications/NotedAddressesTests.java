package org.transferportal.notifications;

import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

/**
 * Every transfer post notes the user's address; the row is read once an hour per
 * instance, and written only when the address is new.
 */
class NotedAddressesTests {

	private final Recipients recipients = mock(Recipients.class);

	private final NotificationPages pages = new NotificationPages(this.recipients, mock(TransferChoices.class),
			mock(WebhookEvents.class), mock(WebhookChannel.class), mock(MailChannel.class), mock(Outbox.class),
			mock(OutboxDelivery.class), mock(NotificationProperties.class), Clock.systemUTC());

	@Test
	void anAddressNotedOnceIsNotReadAgainOnLaterPosts() {
		given(this.recipients.find("s-1")).willReturn(Optional.empty());

		this.pages.noteAddress("s-1", "alice@globusid.org", "alice@example.org");
		this.pages.noteAddress("s-1", "alice@globusid.org", "alice@example.org");
		this.pages.noteAddress("s-1", "alice@globusid.org", "alice@example.org");

		then(this.recipients).should(times(1)).find("s-1");
		then(this.recipients).should(times(1)).noteAddress("s-1", "alice@globusid.org", "alice@example.org", null);
	}

	@Test
	void aNewAddressIsCheckedAndKept() {
		given(this.recipients.find("s-1")).willReturn(Optional.empty());
		this.pages.noteAddress("s-1", "alice@globusid.org", "alice@example.org");

		this.pages.noteAddress("s-1", "alice@globusid.org", "alice@lab.example.org");

		then(this.recipients).should(times(2)).find("s-1");
		then(this.recipients).should().noteAddress("s-1", "alice@globusid.org", "alice@lab.example.org", null);
	}

	@Test
	void noAddressNotesNothing() {
		this.pages.noteAddress("s-1", "alice@globusid.org", null);

		then(this.recipients).should(never()).find(any());
	}

}
