package dev.deskflow.support.problem;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * Makes {@link ProblemWebExceptionHandler} answer every failure of a reactive Deskflow
 * service, refuses NUL characters in query parameters ({@link NulCharacterFilter}), and
 * turns a refusal of Spring Security's firewall into the same problem.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.REACTIVE)
public class ProblemDetailsAutoConfiguration {

	/** What a firewall refusal tells the client, whichever rule refused the request. */
	static final String REJECTED = "The request holds an encoded dot, slash, backslash or percent sign, or a control "
			+ "character, in its path, or a control character in a parameter or header name, which no Deskflow "
			+ "endpoint accepts.";

	@Bean
	@ConditionalOnMissingBean
	ProblemWebExceptionHandler problemWebExceptionHandler(ObjectProvider<JsonMapper> json) {
		return new ProblemWebExceptionHandler(json.getIfAvailable(() -> JsonMapper.builder().build()));
	}

	@Bean
	NulCharacterFilter nulCharacterFilter() {
		return new NulCharacterFilter();
	}

	/**
	 * Spring Security's firewall checks the path when a request arrives, but parameter
	 * and header names only when something reads them, which may be a controller. Either
	 * refusal is a 400 problem+json like every other, not an empty 400.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ServerExchangeRejectedHandler.class)
	static class FirewallRefusals {

		@Bean
		@ConditionalOnMissingBean
		ServerExchangeRejectedHandler problemForRejectedExchanges(ProblemWebExceptionHandler problems) {
			return (exchange, rejected) -> problems.handle(exchange, ProblemException.invalid(REJECTED, List.of()));
		}

	}

}
