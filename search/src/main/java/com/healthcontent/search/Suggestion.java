package com.healthcontent.search;

/** A title to offer while a reader types into a search box. */
public record Suggestion(String text, String type, String slug) {}
