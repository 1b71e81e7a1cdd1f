package com.healthcontent.events;

import java.time.Instant;

public record ArticleUnpublished(String articleId, String slug, String reason, Instant unpublishedAt) {}
