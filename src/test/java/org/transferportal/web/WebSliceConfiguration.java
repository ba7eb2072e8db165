package org.transferportal.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import org.transferportal.lab.LabAccess;
import org.transferportal.lab.LabProperties;

/**
 * What the layout needs in a {@code @WebMvcTest} slice: the lab's and the portal's
 * settings, who administers the lab, and the pages' time formatter (the current user is
 * mocked by each test).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ LabAccess.class, PageTimes.class })
@EnableConfigurationProperties({ LabProperties.class, PortalProperties.class })
public class WebSliceConfiguration {

}
