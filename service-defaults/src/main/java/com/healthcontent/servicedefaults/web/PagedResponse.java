package com.healthcontent.servicedefaults.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** {@code {"items": [...], "page": {...}}}, the list shape every client relies on. */
public record PagedResponse<T>(List<T> items, PageInfo page) {

    public record PageInfo(int number, int size, long totalElements, int totalPages) {}

    public static <S, T> PagedResponse<T> of(Page<S> page, Function<S, T> mapper) {
        return of(page, page.getContent().stream().map(mapper).toList());
    }

    /** For items made from the whole page at once (e.g. with one lookup for all of them). */
    public static <T> PagedResponse<T> of(Page<?> page, List<T> items) {
        return new PagedResponse<>(
                items, new PageInfo(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
    }
}
