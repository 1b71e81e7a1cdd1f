package com.healthcontent.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How well a search answers a judged query set: for each query, the items a reviewer expects first, best first.
 * Reports the mean reciprocal rank (1 when an expected item comes first, 1/2 when second, ...) and nDCG@5 (the
 * expected items' order within the first five, graded best first), and the queries that missed.
 */
public final class Relevance {

    /** A reader's query and the items ({@code type:slug}) that should come first, best first. */
    public record JudgedQuery(String query, List<String> expect) {}

    public record Miss(String query, List<String> expected, List<String> got) {}

    public record Report(int queries, double meanReciprocalRank, double ndcgAt5, List<Miss> misses) {

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(
                    String.format("%d judged queries: MRR %.3f, nDCG@5 %.3f", queries, meanReciprocalRank, ndcgAt5));
            misses.forEach(miss -> text.append(
                    String.format("%n  \"%s\": expected %s first, got %s", miss.query(), miss.expected(), miss.got())));
            return text.toString();
        }
    }

    private static final int CUTOFF = 5;

    private Relevance() {}

    /** Runs every query through {@code search}, which answers the ranked {@code type:slug} keys. */
    public static Report of(List<JudgedQuery> judged, Function<String, List<String>> search) {
        double reciprocalRanks = 0;
        double ndcg = 0;
        List<Miss> misses = new ArrayList<>();
        for (JudgedQuery query : judged) {
            List<String> ranked = search.apply(query.query());
            double reciprocalRank = reciprocalRank(ranked, query.expect());
            reciprocalRanks += reciprocalRank;
            ndcg += ndcgAt5(ranked, query.expect());
            if (reciprocalRank < 1) {
                misses.add(new Miss(query.query(), query.expect(), ranked.subList(0, Math.min(3, ranked.size()))));
            }
        }
        return new Report(judged.size(), reciprocalRanks / judged.size(), ndcg / judged.size(), misses);
    }

    static double reciprocalRank(List<String> ranked, List<String> expected) {
        for (int i = 0; i < ranked.size(); i++) {
            if (expected.contains(ranked.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /** The first expected item is worth most, the last least; positions beyond the fifth are worth nothing. */
    static double ndcgAt5(List<String> ranked, List<String> expected) {
        double dcg = 0;
        for (int i = 0; i < Math.min(CUTOFF, ranked.size()); i++) {
            int at = expected.indexOf(ranked.get(i));
            if (at >= 0) {
                dcg += (expected.size() - at) / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(CUTOFF, expected.size()); i++) {
            ideal += (expected.size() - i) / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
