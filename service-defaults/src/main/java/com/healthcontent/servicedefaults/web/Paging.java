package com.healthcontent.servicedefaults.web;

import com.healthcontent.servicedefaults.problem.FieldViolation;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The list conventions of API.md: {@code size} 1..100 (default 20) and a zero-based {@code page}; out of range
 * is a 400 naming the parameter, never a silent clamp.
 */
public final class Paging {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 10_000;

    private Paging() {}

    /** The size of a keyset-paged list (a cursor instead of a page number): 1..100, default 20. */
    public static int size(Integer size) {
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
        return pageSize;
    }

    public static Pageable of(Integer page, Integer size, Sort sort) {
        int number = page == null ? 0 : page;
        int pageSize = size == null ? DEFAULT_SIZE : size;
        List<FieldViolation> violations = new ArrayList<>();
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            violations.add(new FieldViolation("size", "must be between 1 and " + MAX_SIZE));
        }
        if (number < 0 || number > MAX_PAGE) {
            violations.add(new FieldViolation("page", "must be between 0 and " + MAX_PAGE));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return PageRequest.of(number, pageSize, sort);
    }
}
