package dev.deskflow.ticket.identity;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's security schemes: every endpoint needs an access token unless it
 * says otherwise (public ones declare no requirement, operator ones the operator token).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	static final String OPERATOR = "operator";

	@Bean
	OpenAPI ticketServiceOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Deskflow ticket-service")
				.description("Tenants, users, log-in, tickets and their conversation."))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("An RS256 access token from POST /api/auth/login (decision 004)."))
				.addSecuritySchemes(OPERATOR,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("The platform operator token (DESKFLOW_OPERATOR_TOKEN).")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
