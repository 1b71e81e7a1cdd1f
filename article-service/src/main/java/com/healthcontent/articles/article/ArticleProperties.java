package com.healthcontent.articles.article;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param disclaimer shown with every public article; the publisher's words, so configuration, not content */
@ConfigurationProperties("platform.articles")
public record ArticleProperties(@DefaultValue("This article is for general information and does not provide medical "
        + "advice. It is not a substitute for diagnosis or treatment by a qualified health professional.")
                                String disclaimer) {
}
