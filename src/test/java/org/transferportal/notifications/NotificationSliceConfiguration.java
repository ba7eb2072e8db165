package org.transferportal.notifications;

import org.mockito.Mockito;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What this feature's sections of other pages need in another feature's
 * {@code @WebMvcTest} slice, where {@link NotificationSections} is picked up as a
 * {@code WebMvcConfigurer}: its pages, mocked (they add nothing).
 */
@TestConfiguration(proxyBeanMethods = false)
public class NotificationSliceConfiguration {

	@Bean
	NotificationPages notificationPages() {
		return Mockito.mock(NotificationPages.class);
	}

}
