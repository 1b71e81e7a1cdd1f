package com.healthcontent.servicedefaults.apidocs;

import com.healthcontent.servicedefaults.ServiceProperties;
import com.healthcontent.servicedefaults.security.Actor;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every service's OpenAPI document says about the API as a whole: its title, version and description (each
 * service's {@code platform.api.*}), the one server that serves it (the gateway and the service's own port serve
 * the same paths), the bearer tokens writes need, and the shape of every error: an RFC 9457 problem document.
 * Operations name their tags in the domain's words ({@code @Tag} on each controller).
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentationConfiguration {

    static final String PROBLEM = "Problem";
    static final String BEARER = "bearer";

    static {
        // the caller comes from the verified token, never from the request: not a parameter a client sends
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenAPI platformApi(ServiceProperties properties) {
        ServiceProperties.Api api = properties.api();
        return new OpenAPI()
                .info(new Info().title(api.title()).version(api.version()).description(api.description()))
                .servers(
                        List.of(
                                new Server()
                                        .url("/")
                                        .description(
                                                "The gateway (http://localhost:8080 on the local stack) or the service's own port: same paths")))
                // reads of published content are anonymous, writes and staff reads need a token
                .security(List.of(new SecurityRequirement(), new SecurityRequirement().addList(BEARER)))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token from the authorization server "
                                                + "(authorization code with PKCE; scripts/token on the local stack)")));
    }

    /**
     * Every operation's errors: a problem document, whatever the status. (The schema is added here, with the
     * references to it: springdoc drops schemas nothing refers to before customizers run.)
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        ApiResponse problem = new ApiResponse()
                .description("An error: a problem document (RFC 9457) naming what went wrong")
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        return openApi -> openApi.schema(PROBLEM, problem())
                .getPaths()
                .values()
                .forEach(path -> path.readOperations()
                        .forEach(operation -> operation.getResponses().addApiResponse("default", problem)));
    }

    @Bean
    OperationErrorResponses operationErrorResponses() {
        return new OperationErrorResponses();
    }

    private static Schema<?> problem() {
        Schema<?> violation = new ObjectSchema()
                .addProperty("field", new StringSchema().example("sections[0].body"))
                .addProperty("message", new StringSchema().example("must not contain HTML"));
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("The request has invalid fields."))
                .addProperty("instance", new StringSchema().example("/api/v1/articles"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(violation)
                                .description("for invalid input: every field to fix, with what is wrong with it"));
    }
}
