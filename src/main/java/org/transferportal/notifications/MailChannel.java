package org.transferportal.notifications;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * E-mail through Spring's mail sender ({@code spring.mail.*}), as multipart/alternative
 * (plain text and HTML) from {@code PORTAL_MAIL_FROM}; without SMTP, kept in the portal
 * (the demo) or not written at all.
 */
@Component
class MailChannel {

	/** What the portal does with e-mail. */
	enum Mode {

		/** Sends it through SMTP. */
		SMTP,

		/** Keeps it on each user's notifications page (no SMTP, demo). */
		OUTBOX,

		/** Sends none. */
		OFF

	}

	private final JavaMailSender sender;

	private final Mode mode;

	private final InternetAddress from;

	MailChannel(ObjectProvider<JavaMailSender> senders, NotificationProperties properties) {
		JavaMailSender candidate = senders.getIfAvailable();
		// Spring makes a sender for any spring.mail.host, even an empty one.
		if (candidate instanceof JavaMailSenderImpl impl && !StringUtils.hasText(impl.getHost())) {
			candidate = null;
		}
		this.sender = candidate;
		if (this.sender != null) {
			if (properties.mailFrom() == null) {
				throw new IllegalStateException(
						"SPRING_MAIL_HOST is set but PORTAL_MAIL_FROM is not: set the address the portal's e-mail comes from");
			}
			this.mode = Mode.SMTP;
		}
		else {
			this.mode = properties.mailOutbox() ? Mode.OUTBOX : Mode.OFF;
		}
		this.from = (properties.mailFrom() != null) ? address(properties.mailFrom()) : null;
	}

	Mode mode() {
		return this.mode;
	}

	/** One attempt to send a prepared e-mail. */
	Outcome deliver(Message message) {
		if (this.mode == Mode.OUTBOX) {
			return Outcome.kept();
		}
		if (this.mode == Mode.OFF) {
			return Outcome.dead("This portal has no SMTP server configured any more (SPRING_MAIL_HOST)");
		}
		try {
			this.sender.send(mime(message));
			return Outcome.sent();
		}
		catch (MailAuthenticationException ex) {
			return Outcome.retry("The mail server refused the portal's login (SPRING_MAIL_USERNAME / _PASSWORD)", null);
		}
		catch (MailSendException ex) {
			if (refusedAddress(ex)) {
				return Outcome.dead("The mail server refused the address: " + ex.getMostSpecificCause().getMessage());
			}
			return Outcome.retry("Could not send: " + ex.getMostSpecificCause().getMessage(), null);
		}
		catch (MailException ex) {
			return Outcome.retry("Could not send: " + ex.getMostSpecificCause().getMessage(), null);
		}
	}

	private MimeMessage mime(Message message) {
		try {
			MimeMessage mime = new FixedIdMessage(this.sender.createMimeMessage(), message.id());
			mime.setFrom(this.from);
			mime.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(message.recipient(), true));
			mime.setSubject(message.mailSubject(), StandardCharsets.UTF_8.name());
			mime.setSentDate(Date.from(message.occurredAt()));
			// RFC 3834: an automatic message; vacation replies should not answer it.
			mime.setHeader("Auto-Submitted", "auto-generated");
			MimeBodyPart text = new MimeBodyPart();
			text.setText(message.body(), StandardCharsets.UTF_8.name(), "plain");
			MimeBodyPart html = new MimeBodyPart();
			html.setText(message.mailHtml(), StandardCharsets.UTF_8.name(), "html");
			MimeMultipart alternative = new MimeMultipart("alternative");
			alternative.addBodyPart(text);
			alternative.addBodyPart(html);
			mime.setContent(alternative);
			return mime;
		}
		catch (MessagingException ex) {
			throw new MailSendException("Could not write the e-mail", ex);
		}
	}

	private static boolean refusedAddress(MailSendException ex) {
		for (Exception failure : ex.getFailedMessages().values()) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
						&& sendFailed.getInvalidAddresses().length > 0) {
					return true;
				}
			}
		}
		return false;
	}

	private static InternetAddress address(String text) {
		try {
			return new InternetAddress(text, true);
		}
		catch (MessagingException ex) {
			throw new IllegalArgumentException("PORTAL_MAIL_FROM is not an e-mail address", ex);
		}
	}

	/**
	 * Keeps the same {@code Message-ID} on every attempt (the outbox id), so that a mail
	 * system can tell a resent e-mail from a new one.
	 */
	private static final class FixedIdMessage extends MimeMessage {

		private final String id;

		FixedIdMessage(MimeMessage source, String id) throws MessagingException {
			super((Session) source.getSession());
			this.id = id;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", "<" + this.id + "@transfer-portal>");
		}

	}

}
