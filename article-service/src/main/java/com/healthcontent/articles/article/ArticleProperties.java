package com.healthcontent.articles.article;

import com.healthcontent.servicedefaults.web.PublicViews;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param disclaimer  shown with every public article; the publisher's words, so configuration, not content
 * @param publicViews public pages held ready on each instance
 */
@ConfigurationProperties("platform.articles")
public record ArticleProperties(String disclaimer, PublicViews.Settings publicViews) {}
