package com.healthcontent.readersite.platform;

/** The page was published and has been withdrawn: a 410 for the reader, so search engines drop it too. */
public class ContentWithdrawn extends RuntimeException {
    public ContentWithdrawn() {
        super("withdrawn", null, false, false);
    }
}
