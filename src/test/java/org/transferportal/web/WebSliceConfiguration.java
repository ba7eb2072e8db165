package org.transferportal.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import org.transferportal.lab.LabAccess;
import org.transferportal.lab.LabProperties;
import org.transferportal.notifications.NotificationSliceConfiguration;

/**
 * What the layout needs in a {@code @WebMvcTest} slice: the lab's and the portal's
 * settings, who administers the lab (the current user is mocked by each test), the pages'
 * time formatter, and the sections other features add to pages.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ LabAccess.class, PageTimes.class, NotificationSliceConfiguration.class })
@EnableConfigurationProperties({ LabProperties.class, PortalProperties.class })
public class WebSliceConfiguration {

}
