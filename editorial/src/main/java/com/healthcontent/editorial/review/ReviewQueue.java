package com.healthcontent.editorial.review;

import com.healthcontent.servicedefaults.problem.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A medical reviewer's queue as each content service serves its part of it, for the gateway to merge into
 * {@code GET /api/v1/me/reviews}: items ordered by one instant ({@code at}: when it was submitted, or when its
 * review falls due) and then by id, paged by a keyset cursor ({@code after=<at>,<id>}) that means the same in
 * every service, so merged pages never skip or repeat an item.
 */
public final class ReviewQueue {

    public static final int MAX_WINDOW_DAYS = 366;
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,3})d");

    private ReviewQueue() {}

    /**
     * One piece of content in the queue.
     *
     * @param type   ARTICLE, EXERCISE or ROUTINE
     * @param at     what the queue is ordered by: the submission, or the date the periodic review falls due
     * @param status the content's workflow status (IN_REVIEW, or the status of live content falling due)
     */
    public record Item(
            String type,
            String id,
            String slug,
            String title,
            String status,
            String author,
            Instant at,
            Instant submittedAt,
            Instant nextReviewDue,
            List<String> reviewers) {}

    /**
     * The queue's row for a piece of content: a decision awaited, or ({@code due}) a periodic review falling due, then
     * titled as readers see it.
     */
    public static Item item(Workflow.Subject subject, Workflow workflow, boolean due) {
        return new Item(
                subject.kind().type(),
                subject.id(),
                subject.slug(),
                subject.title(),
                workflow.status().name(),
                workflow.author(),
                due ? workflow.nextReviewDue() : workflow.submittedAt(),
                workflow.submittedAt(),
                workflow.nextReviewDue(),
                workflow.medicalReviewers());
    }

    public record Page(List<Item> items, NextPage page) {}

    /** {@code next} is the cursor of the following page, absent on the last one. */
    public record NextPage(int size, String next) {}

    public static Page page(List<Item> items, int size) {
        Item last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new Page(
                items, new NextPage(size, items.size() < size || last == null ? null : last.at() + "," + last.id()));
    }

    /** {@code due=30d}: a window of days; absent means the queue of decisions awaited, not of reviews falling due. */
    public static Duration window(String due) {
        if (due == null || due.isBlank()) {
            return null;
        }
        Matcher days = WINDOW.matcher(due.strip());
        if (!days.matches()
                || Integer.parseInt(days.group(1)) < 1
                || Integer.parseInt(days.group(1)) > MAX_WINDOW_DAYS) {
            throw new InvalidInputException("due", "a window of 1 to " + MAX_WINDOW_DAYS + " days, such as 30d");
        }
        return Duration.ofDays(Integer.parseInt(days.group(1)));
    }

    /**
     * One page of a reviewer's queue in a content collection: without a window, content submitted to them and not
     * yet decided by them, oldest submission first; with one, the live content they approved ({@code reviewedLive})
     * whose periodic review falls due within it, soonest first.
     */
    public static Query query(
            String reviewer, Duration due, Instant now, Criteria reviewedLive, Cursor after, int size) {
        Criteria mine = due == null
                ? Criteria.where("status")
                        .is("IN_REVIEW")
                        .and("medicalReviewers")
                        .is(reviewer)
                        .and("approvals.reviewer")
                        .ne(reviewer)
                : reviewedLive.and("nextReviewDue").lte(now.plus(due));
        String field = due == null ? "submittedAt" : "nextReviewDue";
        return Query.query(new Criteria().andOperator(mine, after.criteria(field)))
                .with(Sort.by(field, "_id"))
                .limit(size);
    }

    /**
     * Published content whose periodic review date has passed, at most {@code limit} of it: what the timed job of
     * each content service sends back to review (NEEDS_REVIEW, still live).
     */
    public static Query fallenDue(Instant now, int limit) {
        return Query.query(Criteria.where("status")
                        .is(ContentStatus.PUBLISHED)
                        .and("nextReviewDue")
                        .lte(now))
                .limit(limit);
    }

    public record Cursor(Instant at, String id) {

        public static final Cursor START = new Cursor(null, null);

        public static Cursor parse(String after) {
            if (after == null || after.isBlank()) {
                return START;
            }
            int comma = after.indexOf(',');
            try {
                if (comma > 0 && comma < after.length() - 1) {
                    return new Cursor(Instant.parse(after.substring(0, comma)), after.substring(comma + 1));
                }
            } catch (DateTimeParseException malformed) {
                // answered below
            }
            throw new InvalidInputException("after", "must be the 'next' cursor of the previous page");
        }

        /** What comes after this cursor when ordered by {@code field} and then id. */
        public Criteria criteria(String field) {
            if (at == null) {
                return Criteria.where(field).ne(null);
            }
            return new Criteria()
                    .orOperator(
                            Criteria.where(field).gt(at),
                            Criteria.where(field).is(at).and("_id").gt(id));
        }
    }
}
