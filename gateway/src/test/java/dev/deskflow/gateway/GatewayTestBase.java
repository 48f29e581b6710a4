package dev.deskflow.gateway;

import dev.deskflow.testsupport.RealServers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One gateway on a random port in front of {@link TestServers}, with the JVM's real
 * Redis; shared (one Spring context) by every test class that extends this one.
 */
// no Actuator server here: its child context runs on Reactor Netty's global event loops,
// which a gateway started and closed by another test (Gateway) disposes
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=-1")
@AutoConfigureWebTestClient
@RealServers(redis = true)
abstract class GatewayTestBase {

	static final Tokens tokens = TestServers.TOKENS;

	static final EchoService services = TestServers.SERVICES;

	@DynamicPropertySource
	static void stubs(DynamicPropertyRegistry registry) {
		TestServers.gatewayProperties("test-standard:").forEach((name, value) -> registry.add(name, () -> value));
		registry.add("deskflow.gateway.web.directory", () -> BuiltSpa.DIRECTORY.toString());
	}

	@Autowired
	WebTestClient web;

}
