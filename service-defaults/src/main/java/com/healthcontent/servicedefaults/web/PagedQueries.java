package com.healthcontent.servicedefaults.web;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;

/** One page of a MongoDB query and its total, counted only when the page does not already tell it. */
public final class PagedQueries {

    private PagedQueries() {}

    public static <T> Page<T> page(MongoTemplate mongoTemplate, Query query, Pageable pageable, Class<T> type) {
        List<T> content = mongoTemplate.find(Query.of(query).with(pageable), type);
        return PageableExecutionUtils.getPage(
                content,
                pageable,
                () -> mongoTemplate.count(Query.of(query).limit(-1).skip(-1), type));
    }
}
