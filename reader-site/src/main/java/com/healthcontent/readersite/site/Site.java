package com.healthcontent.readersite.site;

import com.healthcontent.readersite.ReaderSiteProperties;
import org.springframework.stereotype.Component;

/**
 * The site as its pages name it, for every template as {@code @site} (a bean, so that error pages rendered outside
 * any controller have it too).
 */
@Component("site")
public class Site {

    private final ReaderSiteProperties properties;

    Site(ReaderSiteProperties properties) {
        this.properties = properties;
    }

    public String name() {
        return properties.name();
    }

    public String absolute(String path) {
        return properties.absolute(path);
    }
}
