package io.pulsehub.mesh.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Describes how callers authenticate at the gateway in every service's OpenAPI document,
 * so the gateway's Swagger UI can send the API key or admin login.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
public class MeshOpenApiAutoConfiguration {

	/** Security scheme name for {@code /api/**}. */
	public static final String API_KEY = "apiKey";

	/** Security scheme name for {@code /admin/**}. */
	public static final String ADMIN = "admin";

	@Bean
	OpenApiCustomizer meshOpenApiCustomizer(Environment environment) {
		String service = environment.getProperty("spring.application.name", "application");
		return (openApi) -> describe(openApi, service);
	}

	private static void describe(OpenAPI openApi, String service) {
		if (openApi.getInfo() == null || "OpenAPI definition".equals(openApi.getInfo().getTitle())) {
			openApi.info(new Info().title("PulseHub " + service).version("v1"));
		}
		Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
		components.addSecuritySchemes(API_KEY,
				new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.HEADER)
					.name("X-Api-Key")
					.description("API key, checked by the gateway for /api/**"));
		components.addSecuritySchemes(ADMIN,
				new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("basic")
					.description("Admin login, checked by the gateway for /admin/**"));
		openApi.components(components);
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths()
			.forEach((path, item) -> item.readOperations()
				.forEach((operation) -> operation
					.addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement()
						.addList(path.startsWith("/admin/") ? ADMIN : API_KEY))));
	}

}
