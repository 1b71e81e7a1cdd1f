package com.healthcontent.readersite.site;

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
        FilterRegistrationBean<ShallowEtagHeaderFilter> etags =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        etags.addUrlPatterns("/", "/articles/*", "/exercises/*", "/routines/*", "/search", "/offline");
        return etags;
    }
}
