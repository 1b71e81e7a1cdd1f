package com.healthcontent.feedback.abuse;

import com.healthcontent.servicedefaults.problem.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The per-reader limit on submissions, per clock minute, in two places and without a database write on either.
 *
 * <p>{@link #check} answers the request at once (429) from this instance's own counts in memory. Behind a
 * round-robin gateway that lets a reader send the limit times the number of instances; the gateway's own shared limit
 * and {@link #admit} close that gap. {@link #admit} is asked by the intake, which sees all of one reader's answers
 * (they are keyed by reader): what is over the limit there is dropped, however many instances accepted it. It counts
 * by the minute the reader answered in, not when the answer arrives, and an answer delivered again is counted once, so
 * lag and redelivery change nothing. After a rebalance the new owner of a reader's partition starts from zero for the
 * current minute: at most twice the limit in that minute.
 *
 * <p>The intake keeps the current minute and the two before ({@link #MINUTES_KEPT}): its lag is bounded to seconds
 * (submission.IntakeBacklog), and only answers stored after an outage arrive later, which the intake then stores
 * without counting (each instance's {@link #check} limited them when they were sent). It kept ten minutes: under a
 * burst of votes from many readers that was hundreds of thousands of readers' sets in memory, the service's old
 * generation full and collected every few seconds.
 *
 * <p>A fixed window lets a reader send up to twice the limit across a minute's boundary, which is what a per-minute
 * bound on votes needs.
 */
@Component
public class SubmissionRateLimiter {

    private static final long WINDOW_SECONDS = Duration.ofMinutes(1).toSeconds();
    private static final int MINUTES_KEPT = 3;

    private final Clock clock;
    private final int perMinute;
    /** Requests per reader in this instance, in the current window only. */
    private volatile Window requests = new Window(-1);
    /**
     * Admitted answers per window and reader, by dedupe key: the reader's one answer's key, or a set of them once there
     * are more (most readers answer once a minute, and a set per reader is several objects more each).
     */
    private final Map<Long, Map<String, Object>> admitted = new ConcurrentHashMap<>();

    SubmissionRateLimiter(Clock clock, AbuseProperties properties) {
        this.clock = clock;
        this.perMinute = properties.perMinute();
    }

    private record Window(long number, Map<String, Integer> counts) {
        Window(long number) {
            this(number, new ConcurrentHashMap<>());
        }
    }

    /** Counts a request of this reader; 429 with Retry-After when it is over this instance's limit. */
    public void check(String readerKey) {
        Instant now = clock.instant();
        long number = now.getEpochSecond() / WINDOW_SECONDS;
        Window window = requests;
        if (window.number() != number) {
            synchronized (this) {
                if (requests.number() != number) {
                    requests = new Window(number);
                }
                window = requests;
            }
        }
        if (window.counts().merge(readerKey, 1, Integer::sum) > perMinute) {
            long ends = (number + 1) * WINDOW_SECONDS;
            throw new TooManyRequestsException(
                    "Too much feedback from you in a short time; please wait a moment.",
                    Math.max(1, ends - now.getEpochSecond()));
        }
    }

    /**
     * Whether the intake stores this answer: true for the reader's first {@code perMinute} answers in the minute they
     * answered, and for any of those again.
     */
    public boolean admit(String readerKey, String dedupeKey, Instant answeredAt) {
        long number = answeredAt.getEpochSecond() / WINDOW_SECONDS;
        long oldestKept = clock.instant().getEpochSecond() / WINDOW_SECONDS - (MINUTES_KEPT - 1);
        forgetWindowsBefore(oldestKept);
        if (number < oldestKept) {
            return true;
        }
        boolean[] admittedNow = new boolean[1];
        admitted.computeIfAbsent(number, n -> new ConcurrentHashMap<>())
                .compute(readerKey, (reader, answers) -> admit(answers, dedupeKey, admittedNow));
        return admittedNow[0];
    }

    /** The reader's answers in the window with {@code dedupeKey} added if admitted (atomic: inside the map's compute). */
    @SuppressWarnings("unchecked")
    private Object admit(Object answers, String dedupeKey, boolean[] admitted) {
        if (answers == null) {
            admitted[0] = perMinute > 0;
            return admitted[0] ? dedupeKey : null;
        }
        if (answers instanceof String only) {
            admitted[0] = only.equals(dedupeKey) || perMinute > 1;
            if (only.equals(dedupeKey) || !admitted[0]) {
                return only;
            }
            Set<String> both = new HashSet<>(4);
            both.add(only);
            both.add(dedupeKey);
            return both;
        }
        Set<String> kept = (Set<String>) answers;
        admitted[0] = kept.contains(dedupeKey) || kept.size() < perMinute && kept.add(dedupeKey);
        return kept;
    }

    /** Answers arrive minutes late only after an outage; by then their reader's window no longer matters. */
    private void forgetWindowsBefore(long oldest) {
        admitted.keySet().removeIf(number -> number < oldest);
    }
}
