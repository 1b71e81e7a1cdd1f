package com.healthcontent.readersite.platform;

/** The API has no such page: a 404 for the reader. */
public class ContentNotFound extends RuntimeException {
    public ContentNotFound() {
        super("not found", null, false, false);
    }
}
