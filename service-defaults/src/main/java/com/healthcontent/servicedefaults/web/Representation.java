package com.healthcontent.servicedefaults.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * A public view as the bytes a reader receives, with a strong ETag computed from those very bytes: any change of
 * any byte (a related link, a credential, a comma) changes the tag, and a conditional GET is answered by comparing
 * tags without building the view again.
 */
public final class Representation {

    private final byte[] body;
    private final MediaType type;
    private final String etag;

    private Representation(byte[] body, MediaType type) {
        this.body = body;
        this.type = type;
        this.etag = strongEtag(body);
    }

    public static Representation json(JsonMapper jsonMapper, Object view) {
        return of(jsonMapper, view, MediaType.APPLICATION_JSON);
    }

    public static Representation of(JsonMapper jsonMapper, Object view, MediaType type) {
        return new Representation(jsonMapper.writeValueAsBytes(view), type);
    }

    /** 304 when the client holds these bytes already ({@code If-None-Match}), else 200 with them. */
    public ResponseEntity<byte[]> respond(WebRequest request, CacheControl cacheControl) {
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(cacheControl)
                    .build();
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(cacheControl)
                .contentType(type)
                .body(body);
    }

    /** The first 128 bits of the SHA-256 of the body: collisions are out of reach, the header stays short. */
    static String strongEtag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
