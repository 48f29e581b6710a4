package dev.deskflow.ai;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document: every endpoint needs an access token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	@Bean
	OpenAPI aiServiceOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Deskflow ai-service")
				.description("Similar solved tickets, knowledge-base articles, category and priority suggestions, "
						+ "feedback, training jobs and the model registry."))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("An RS256 access token from POST /api/auth/login (decision 004).")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
