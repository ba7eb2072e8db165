package org.transferportal.web;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.stereotype.Component;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * With Globus credentials the portal talks to the Globus it is configured with: the
 * simulator is not in it at all, and nothing says demo.
 */
class GlobusModeIntegrationTests extends FlowTestSupport {

	@Autowired
	ApplicationContext context;

	@Test
	void credentialsLeaveTheSimulatorOutOfThePortal() throws Exception {
		List<String> simulatorComponents = Arrays.stream(this.context.getBeanDefinitionNames())
			.filter((name) -> this.context.getType(name) != null
					&& this.context.getType(name).getName().startsWith("org.transferportal.simulator.")
					&& this.context.findAnnotationOnBean(name, Component.class) != null)
			.toList();
		assertThat(simulatorComponents).isEmpty();
		assertThat(this.context.getEnvironment().getProperty("portal.demo")).isEqualTo("false");

		MockHttpServletResponse discovery = this.mvc.perform(get("/simulator/auth/.well-known/openid-configuration"))
			.andReturn()
			.getResponse();
		assertThat(discovery.getContentAsString()).doesNotContain("issuer");
		MockHttpServletResponse login = this.mvc.perform(get("/oauth2/authorization/globus")).andReturn().getResponse();
		assertThat(login.getRedirectedUrl()).startsWith(this.globus.baseUrl()).doesNotContain("/simulator/");
		assertThat(FakeGlobus.query(login.getRedirectedUrl())).containsEntry("client_id", FakeGlobus.CLIENT_ID);
		assertThat(this.mvc.perform(get("/")).andReturn().getResponse().getContentAsString())
			.doesNotContain("demo-banner");
	}

}
