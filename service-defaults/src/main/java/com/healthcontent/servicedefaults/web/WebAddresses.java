package com.healthcontent.servicedefaults.web;

import java.net.URI;

/**
 * Absolute web addresses that content points to or that the platform calls: a reference's source, a photo or video,
 * a reviewer's webhook. An http(s) scheme, a host, at most {@value #MAX_LENGTH} characters; anything that does not
 * parse is not one.
 */
public final class WebAddresses {

    public static final int MAX_LENGTH = 2000;

    private WebAddresses() {}

    /** http or https. */
    public static boolean isWeb(String value) {
        return is(value, "http") || is(value, "https");
    }

    /** https only (what a page embeds must not downgrade it). */
    public static boolean isSecureWeb(String value) {
        return is(value, "https");
    }

    private static boolean is(String value, String scheme) {
        if (value == null || value.length() > MAX_LENGTH) {
            return false;
        }
        try {
            URI uri = URI.create(value);
            return scheme.equals(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
