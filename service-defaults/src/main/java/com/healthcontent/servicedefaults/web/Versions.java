package com.healthcontent.servicedefaults.web;

import com.healthcontent.servicedefaults.problem.PreconditionFailedException;
import com.healthcontent.servicedefaults.problem.PreconditionRequiredException;

/**
 * Entity tags from a resource's version, and the {@code If-Match} rule for updates: required (428 without it),
 * and it must name the current version (412 otherwise) so nobody overwrites a change they have not seen.
 */
public final class Versions {

    private Versions() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException(
                    "Send If-Match with the ETag you last read, so concurrent edits are not lost.");
        }
        String current = etag(currentVersion);
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals(current) || candidate.equals("*")) {
                return;
            }
        }
        throw new PreconditionFailedException("If-Match " + ifMatch + " does not match the current version " + current
                + "; reload and apply your change again.");
    }
}
