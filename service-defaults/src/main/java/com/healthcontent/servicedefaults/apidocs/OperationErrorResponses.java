package com.healthcontent.servicedefaults.apidocs;

import com.healthcontent.servicedefaults.security.Actor;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;

/**
 * Each operation's problem responses, by status, with what the status means here and an example: those the handler's
 * signature implies (a body can be invalid, too large or not JSON; a signed-in caller can come without a valid token,
 * and a staff write without the role for it (not a write to the caller's own things under {@code /api/v1/me}); a path names something that may not exist; an {@code If-Match} update
 * can be stale or lack it; a public read answers a conditional GET with 304) and those named by
 * {@link AlsoAnswers}. Anything else (a 503 while MongoDB is away, a 500) is the document's {@code default}.
 */
class OperationErrorResponses implements OperationCustomizer {

    record Meaning(String title, String description, String detail) {}

    static final Map<HttpStatus, Meaning> MEANINGS = Map.ofEntries(
            Map.entry(
                    HttpStatus.BAD_REQUEST,
                    new Meaning(
                            "Invalid request",
                            "Invalid input: every field to fix is listed in `errors`, with what is wrong with it",
                            "The request has invalid fields.")),
            Map.entry(
                    HttpStatus.UNAUTHORIZED,
                    new Meaning(
                            "Unauthorized",
                            "No bearer token, or one that is expired, forged or for another audience",
                            "A bearer token is required.")),
            Map.entry(
                    HttpStatus.FORBIDDEN,
                    new Meaning(
                            "Forbidden",
                            "The token is valid but its roles, or the caller's relation to the content, do not allow this",
                            "Only an editor can publish.")),
            Map.entry(
                    HttpStatus.NOT_FOUND,
                    new Meaning(
                            "Not found",
                            "Nothing by that identifier (or not visible to this caller)",
                            "No article 'knees-to-chest'.")),
            Map.entry(
                    HttpStatus.CONFLICT,
                    new Meaning(
                            "Conflict",
                            "Not possible in the current state, or the identifier is taken",
                            "The article is not published.")),
            Map.entry(
                    HttpStatus.PRECONDITION_FAILED,
                    new Meaning(
                            "Precondition failed",
                            "`If-Match` names a version that is no longer current: read it again and reapply the change",
                            "If-Match \"3\" does not match the current version \"4\".")),
            Map.entry(
                    HttpStatus.CONTENT_TOO_LARGE,
                    new Meaning(
                            "Content too large",
                            "The body is larger than the service accepts",
                            "The request body is larger than 256KB.")),
            Map.entry(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    new Meaning(
                            "Unsupported media type",
                            "The body is not `application/json`",
                            "Send the body as application/json.")),
            Map.entry(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    new Meaning(
                            "Unprocessable content",
                            "Well-formed but not enough for this step; `errors` lists what is missing",
                            "The article is not complete enough for this step.")),
            Map.entry(
                    HttpStatus.PRECONDITION_REQUIRED,
                    new Meaning(
                            "Precondition required",
                            "An update without `If-Match`: send the ETag you last read",
                            "Send If-Match with the ETag you last read, so concurrent edits are not lost.")),
            Map.entry(
                    HttpStatus.TOO_MANY_REQUESTS,
                    new Meaning(
                            "Too many requests",
                            "Over a limit; `Retry-After` says when to send again",
                            "Too much feedback from you in a short time.")),
            Map.entry(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    new Meaning(
                            "Service unavailable",
                            "Could not be recorded durably just now (the message broker did not acknowledge it): nothing"
                                    + " was kept; `Retry-After` says when to send it again",
                            "Your feedback could not be recorded just now; please send it again in a moment.")));

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        for (HttpStatus status : statuses(handler)) {
            if (status == HttpStatus.NOT_MODIFIED) {
                operation
                        .getResponses()
                        .addApiResponse(
                                "304",
                                new ApiResponse()
                                        .description(
                                                "Not modified: the ETag sent in `If-None-Match` is still current"));
                continue;
            }
            Meaning meaning = MEANINGS.get(status);
            operation
                    .getResponses()
                    .addApiResponse(
                            Integer.toString(status.value()),
                            new ApiResponse()
                                    .description(meaning.description())
                                    .content(new Content()
                                            .addMediaType(
                                                    "application/problem+json",
                                                    new MediaType()
                                                            .schema(new Schema<>()
                                                                    .$ref("#/components/schemas/"
                                                                            + ApiDocumentationConfiguration.PROBLEM))
                                                            .addExamples(
                                                                    status.name()
                                                                            .toLowerCase(),
                                                                    new Example()
                                                                            .value(Map.of(
                                                                                    "type",
                                                                                    "about:blank",
                                                                                    "title",
                                                                                    meaning.title(),
                                                                                    "status",
                                                                                    status.value(),
                                                                                    "detail",
                                                                                    meaning.detail()))))));
        }
        return operation;
    }

    static Set<HttpStatus> statuses(HandlerMethod handler) {
        Set<HttpStatus> statuses = EnumSet.noneOf(HttpStatus.class);
        boolean reads = handler.hasMethodAnnotation(GetMapping.class);
        RequestMapping type = handler.getBeanType().getAnnotation(RequestMapping.class);
        boolean ownThings = type != null && List.of(type.value()).contains("/api/v1/me");
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                statuses.addAll(Set.of(HttpStatus.BAD_REQUEST, HttpStatus.CONTENT_TOO_LARGE));
                // Spring MVC reads a DELETE's body of another type as no body at all: 400, not 415
                if (!handler.hasMethodAnnotation(DeleteMapping.class)) {
                    statuses.add(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
                }
            }
            if (parameter.hasParameterAnnotation(RequestParam.class)) {
                statuses.add(HttpStatus.BAD_REQUEST);
            }
            if (parameter.hasParameterAnnotation(PathVariable.class)) {
                statuses.add(HttpStatus.NOT_FOUND);
            }
            if (Actor.class.equals(parameter.getParameterType())) {
                statuses.add(HttpStatus.UNAUTHORIZED);
                // a staff write needs a role; what is under /me is the caller's own, whatever their role
                if (!reads && !ownThings) {
                    statuses.add(HttpStatus.FORBIDDEN);
                }
            }
            if (reads && WebRequest.class.equals(parameter.getParameterType())) {
                statuses.add(HttpStatus.NOT_MODIFIED);
            }
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            if (header != null && "If-Match".equalsIgnoreCase(header.name())) {
                statuses.addAll(Set.of(HttpStatus.PRECONDITION_FAILED, HttpStatus.PRECONDITION_REQUIRED));
            }
        }
        AlsoAnswers declared = handler.getMethodAnnotation(AlsoAnswers.class);
        if (declared != null) {
            statuses.addAll(Set.of(declared.value()));
        }
        return statuses;
    }
}
