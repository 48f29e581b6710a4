package dev.deskflow.support.problem;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;

/**
 * Makes {@link ProblemWebExceptionHandler} answer every failure of a reactive Deskflow
 * service, and refuses NUL characters in query parameters ({@link NulCharacterFilter}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.REACTIVE)
public class ProblemDetailsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ProblemWebExceptionHandler problemWebExceptionHandler(ObjectProvider<JsonMapper> json) {
		return new ProblemWebExceptionHandler(json.getIfAvailable(() -> JsonMapper.builder().build()));
	}

	@Bean
	NulCharacterFilter nulCharacterFilter() {
		return new NulCharacterFilter();
	}

}
