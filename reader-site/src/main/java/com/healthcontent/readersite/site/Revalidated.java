package com.healthcontent.readersite.site;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.WebContentInterceptor;

/**
 * Pages carry an ETag over their bytes: a browser (or the gateway's cache) that holds the page gets a 304 instead of
 * the page again. A health page must not be read stale after a correction, so pages are revalidated on every use
 * ({@code no-cache}, set per page); the gateway's edge cache keeps anonymous pages until a content event.
 */
@Configuration(proxyBeanMethods = false)
class Revalidated implements WebMvcConfigurer {

    private static final String[] PAGES = {"/", "/articles/**", "/exercises/**", "/routines/**", "/search", "/offline"};

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        WebContentInterceptor pages = new WebContentInterceptor();
        pages.addCacheMapping(CacheControl.noCache().cachePublic(), PAGES);
        registry.addInterceptor(pages);
    }

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> pageEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> etags = new FilterRegistrationBean<>(new PageChecksums());
        etags.addUrlPatterns("/", "/articles/*", "/exercises/*", "/routines/*", "/search", "/offline");
        return etags;
    }

    /**
     * The ETag is a checksum of the page, not the MD5 Spring uses by default: an ETag only has to change when the page
     * does, nobody is trying to forge one, and the MD5 of every rendered page was a tenth of the site's CPU. Two
     * CRCs the processor computes in hardware (CRC-32C and CRC-32, different polynomials) and the length: 96 bits,
     * so two versions of one page never share an ETag by chance.
     */
    static final class PageChecksums extends ShallowEtagHeaderFilter {

        @Override
        protected String generateETagHeaderValue(InputStream page, boolean isWeak) throws IOException {
            CRC32C castagnoli = new CRC32C();
            CRC32 ieee = new CRC32();
            byte[] chunk = new byte[8192];
            long length = 0;
            for (int read; (read = page.read(chunk)) > 0; length += read) {
                castagnoli.update(chunk, 0, read);
                ieee.update(chunk, 0, read);
            }
            return (isWeak ? "W/" : "")
                    + '"'
                    + Long.toHexString(length)
                    + '-'
                    + Long.toHexString(castagnoli.getValue())
                    + Long.toHexString(ieee.getValue())
                    + '"';
        }
    }
}
