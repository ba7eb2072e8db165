package org.transferportal.https;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of downloads, uploads and previews through the portal.
 *
 * @param maxUploadSize the largest file a member may upload through the browser
 * @param previewSize how much of a text, CSV or JSON file a preview reads
 * @param previewImageSize the largest image a preview shows
 * @param allowHttp whether a collection's HTTPS server may be a plain {@code http://}
 * address (the demo's simulated servers); never in production, where the user's token
 * must only travel over TLS
 */
@ConfigurationProperties("portal.https")
public record HttpsProperties(@DefaultValue("5GB") DataSize maxUploadSize, @DefaultValue("64KB") DataSize previewSize,
		@DefaultValue("10MB") DataSize previewImageSize, boolean allowHttp) {
}
