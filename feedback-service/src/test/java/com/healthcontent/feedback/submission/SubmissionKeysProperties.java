package com.healthcontent.feedback.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Vote de-duplication: one vote per reader, item and UTC day; an identical submission within the window is the
 * same one; anything else is a different submission, however its text is split between the fields.
 */
class SubmissionKeysProperties {

    static final Duration WINDOW = Duration.ofMinutes(10);
    /** Identity keeps the test about the key's parts, not about HMAC collisions. */
    static final UnaryOperator<String> HASH = UnaryOperator.identity();

    record Submission(
            String reader,
            String target,
            boolean helpful,
            ProblemReason reason,
            String comment,
            String tryingTo,
            Instant at) {

        SubmissionKeys keys() {
            return SubmissionKeys.of(HASH, reader, target, helpful, reason, comment, tryingTo, at, WINDOW);
        }

        LocalDate day() {
            return LocalDate.ofInstant(at, ZoneOffset.UTC);
        }

        long window() {
            return at.getEpochSecond() / WINDOW.toSeconds();
        }
    }

    @Property(tries = 2000)
    void aSecondVoteIsRefusedExactlyForTheSameReaderItemAndDay(
            @ForAll("submissions") Submission a, @ForAll("submissions") Submission b) {
        boolean sameVote = a.reader().equals(b.reader())
                && a.target().equals(b.target())
                && a.day().equals(b.day());
        assertThat(a.keys().voteKey().equals(b.keys().voteKey())).isEqualTo(sameVote);
    }

    @Property(tries = 2000)
    void aSubmissionIsADuplicateExactlyWhenEverythingMatchesWithinTheWindow(
            @ForAll("submissions") Submission a, @ForAll("submissions") Submission b) {
        boolean same = a.reader().equals(b.reader())
                && a.target().equals(b.target())
                && a.helpful() == b.helpful()
                && a.reason() == b.reason()
                && Objects.equals(a.comment(), b.comment())
                && Objects.equals(a.tryingTo(), b.tryingTo())
                && a.window() == b.window();
        assertThat(a.keys().dedupeKey().equals(b.keys().dedupeKey())).isEqualTo(same);
    }

    @Property(tries = 500)
    void theSameSubmissionResentWithinItsWindowIsOneSubmission(@ForAll("submissions") Submission a) {
        Instant windowEnd = Instant.ofEpochSecond((a.window() + 1) * WINDOW.toSeconds() - 1);
        Submission resent =
                new Submission(a.reader(), a.target(), a.helpful(), a.reason(), a.comment(), a.tryingTo(), windowEnd);
        assertThat(resent.keys()).isEqualTo(a.keys());
    }

    @Provide
    Arbitrary<Submission> submissions() {
        // Few distinct values, so that equal parts are common; text with the separators a naive join would use.
        Arbitrary<String> text = Arbitraries.of("a", "a\nb", "b", "a\n", "\nb", "1:a", "-", "null", "", "ab")
                .injectNull(0.3);
        Arbitrary<Instant> at = Arbitraries.longs()
                .between(0, 3)
                .flatMap(day -> Arbitraries.longs()
                        .between(0, 3)
                        .map(slot -> Instant.parse("2026-11-20T23:50:00Z")
                                .plus(Duration.ofDays(day))
                                .plus(WINDOW.multipliedBy(slot))
                                .plusSeconds(slot * 7)));
        return Combinators.combine(
                        Arbitraries.of("reader-1", "reader-2"),
                        Arbitraries.of("a", "a\nb", "b"),
                        Arbitraries.of(true, false),
                        Arbitraries.of(ProblemReason.class).injectNull(0.5),
                        text,
                        text,
                        at)
                .as(Submission::new);
    }
}
