package com.healthcontent.gateway.cache;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which anonymous reads the edge cache keeps, and for how long: the API's, and the reader site's pages made from them.
 * Articles, exercises and pages are dropped by events as soon as they change, so they may be kept long; routines (no
 * events yet) and the feedback summaries (which change with every vote) only briefly.
 *
 * @param content   how long pages of articles and exercises are kept when no event drops them first
 * @param routines  how long routine pages are kept
 * @param summaries how long a feedback summary is kept (a vote must show within about two seconds)
 */
public record EdgeCachePolicy(Duration content, Duration routines, Duration summaries) {

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;
    private static final List<PathPattern> CONTENT = patterns(
            "/api/v1/articles",
            "/api/v1/articles/{slug}",
            "/api/v1/articles/{slug}/structured-data",
            "/api/v1/exercises",
            "/api/v1/exercises/{slug}",
            "/api/v1/exercises/{slug}/session",
            "/api/v1/pages/articles/{slug}",
            "/api/v1/search",
            "/api/v1/search/suggest");
    private static final List<PathPattern> ROUTINES =
            patterns("/api/v1/routines", "/api/v1/routines/{slug}", "/api/v1/routines/{slug}/session");
    private static final List<PathPattern> SUMMARIES = patterns("/api/v1/feedback/summary");
    /**
     * The reader site's pages, made from the reads above and dropped with them by the same events; each kept no
     * longer than what it is made from (the home page lists routines).
     */
    private static final List<PathPattern> READER_PAGES = patterns(
            "/articles/{slug}",
            "/exercises/{slug}",
            "/exercises/{slug}/session",
            "/search",
            "/sitemap.xml",
            "/robots.txt",
            "/offline");

    private static final List<PathPattern> READER_ROUTINE_PAGES =
            patterns("/", "/routines/{slug}", "/routines/{slug}/session");
    /** Staff paths under the same prefixes; they need a token, but a token-less call must not fill the cache. */
    private static final List<String> STAFF = List.of(
            "/api/v1/articles/due-for-review",
            "/api/v1/articles/review-queue",
            "/api/v1/articles/drafts",
            "/api/v1/exercises/review-queue",
            "/api/v1/exercises/drafts",
            "/api/v1/routines/review-queue",
            "/api/v1/routines/drafts");

    /** How long an anonymous GET of this path may be kept, or null when it is never kept. */
    Duration timeToLive(String path) {
        if (STAFF.stream().anyMatch(path::startsWith)) {
            return null;
        }
        PathContainer container = PathContainer.parsePath(path);
        if (matches(CONTENT, container) || matches(READER_PAGES, container)) {
            return content;
        }
        if (matches(ROUTINES, container) || matches(READER_ROUTINE_PAGES, container)) {
            return routines;
        }
        return matches(SUMMARIES, container) ? summaries : null;
    }

    /** Whether entries of this path are dropped when article or exercise events arrive. */
    boolean isContent(String path) {
        return !matches(SUMMARIES, PathContainer.parsePath(path));
    }

    private static boolean matches(List<PathPattern> patterns, PathContainer path) {
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static List<PathPattern> patterns(String... paths) {
        return Arrays.stream(paths).map(PARSER::parse).toList();
    }
}
