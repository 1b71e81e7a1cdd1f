package com.healthcontent.feedback.submission;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

/**
 * The two keys that stop one reader from counting twice, both keyed hashes (the reader's own data is never kept):
 * {@code voteKey}, the same for one reader, one item and one UTC day (a second vote that day is refused), and
 * {@code dedupeKey}, the same for an identical submission within the duplicate window (answered with the first).
 * Each part is length-prefixed before hashing, so text moved from one field into the next never makes two
 * different submissions look alike.
 *
 * <p>The feedback's id is derived from {@code voteKey}, so every instance gives the same answer the same id without
 * asking the database: a repeat gets the first one's id back, and a vote keeps its id through the answers that change it.
 */
record SubmissionKeys(String feedbackId, String voteKey, String dedupeKey) {

    private static final int ID_LENGTH = 24;

    /** {@code hash} is the keyed hash of abuse control ({@code ReaderKey::hash}). */
    static SubmissionKeys of(
            UnaryOperator<String> hash,
            String readerKey,
            String targetId,
            boolean helpful,
            ProblemReason reason,
            String comment,
            String tryingTo,
            Instant at,
            Duration duplicateWindow) {
        long window = at.getEpochSecond() / duplicateWindow.toSeconds();
        String day = LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
        String voteKey = hash.apply(parts(readerKey, targetId, day));
        return new SubmissionKeys(
                hash.apply(parts("feedback-id", voteKey)).substring(0, ID_LENGTH),
                voteKey,
                hash.apply(parts(
                        readerKey,
                        targetId,
                        Boolean.toString(helpful),
                        reason == null ? null : reason.name(),
                        comment,
                        tryingTo,
                        Long.toString(window))));
    }

    private static String parts(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (part == null) {
                joined.append('-'); // absent, which is not the same as empty or the text "null"
            } else {
                joined.append(part.length()).append(':').append(part);
            }
        }
        return joined.toString();
    }
}
