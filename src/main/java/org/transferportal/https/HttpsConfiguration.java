package org.transferportal.https;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the plain upload form's own servlet, beside Spring MVC's, so that its
 * multipart body is never parsed by the container (see {@link UploadFormServlet}).
 */
@Configuration(proxyBeanMethods = false)
class HttpsConfiguration {

	@Bean
	ServletRegistrationBean<UploadFormServlet> uploadFormServlet(FileUploads uploads, HttpsProperties properties) {
		ServletRegistrationBean<UploadFormServlet> registration = new ServletRegistrationBean<>(
				new UploadFormServlet(uploads, properties.maxUploadSize().toBytes()), UploadFormServlet.PATH);
		registration.setName("uploadForm");
		registration.setLoadOnStartup(1);
		return registration;
	}

}
