package com.healthcontent.readersite.site;

import com.healthcontent.readersite.platform.ContentNotFound;
import com.healthcontent.readersite.platform.ContentWithdrawn;
import com.healthcontent.readersite.platform.PlatformUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What a reader reads when a page cannot be shown: not found (404), withdrawn by its editors (410, so search engines
 * drop it), or the platform not answering right now (503 with Retry-After). Each is a page of the site, with the
 * search box and the way home, never a stack trace or the API's JSON.
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @ExceptionHandler(ContentNotFound.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "error/404";
    }

    @ExceptionHandler(ContentWithdrawn.class)
    String withdrawn(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_GONE);
        return "error/410";
    }

    @ExceptionHandler(PlatformUnavailable.class)
    String unavailable(PlatformUnavailable down, HttpServletResponse response) {
        log.warn("A page could not be shown: {}", down.getMessage());
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(down.retryAfterSeconds()));
        return "error/503";
    }
}
