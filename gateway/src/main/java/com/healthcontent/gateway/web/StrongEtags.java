package com.healthcontent.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;
import org.springframework.web.server.ServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

/**
 * A strong ETag over the exact bytes of an answer the gateway composes itself (the article page, the merged search),
 * and {@code 304 Not Modified} without a body when the client already holds those bytes: what the services do for
 * what they answer alone, so a client revalidates a composed answer as cheaply as any other.
 */
@Component
public class StrongEtags {

    private final JsonMapper jsonMapper;

    StrongEtags(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** The answer as JSON bytes with their ETag, or a 304 with the same headers when {@code If-None-Match} has it. */
    public ResponseEntity<Object> of(ResponseEntity<Object> answer, ServerWebExchange exchange) {
        byte[] body = jsonMapper.writeValueAsBytes(answer.getBody());
        String etag = "\"" + DigestUtils.md5DigestAsHex(body) + "\"";
        if (exchange.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .headers(answer.getHeaders())
                    .build();
        }
        return ResponseEntity.status(answer.getStatusCode())
                .eTag(etag)
                .headers(answer.getHeaders())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
