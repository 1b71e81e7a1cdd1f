package com.healthcontent.feedback.summary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.feedback.content.PublishedContents;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The live pages readers found most helpful, for the reader site's home page. Ranked by the lower bound of the 95%
 * Wilson interval of the helpful share, so that 40 of 42 readers outrank 2 of 2: a page needs many votes, mostly
 * helpful, to come first. Ranked again at most every {@code platform.feedback.most-helpful-max-age} (a minute by
 * default) from the {@value #CANDIDATES} items with the most helpful votes, whatever the number of items.
 */
@Component
class MostHelpful {

    static final int MAX_SIZE = 20;
    static final int CANDIDATES = 2_000;
    private static final double Z = 1.96;

    /** One live page in the ranking, with the counts it was ranked by. */
    record RankedPage(String id, String slug, String title, long helpful, long notHelpful) {

        double lowerBound() {
            long votes = helpful + notHelpful;
            double share = (double) helpful / votes;
            double zz = Z * Z;
            return (share
                            + zz / (2.0 * votes)
                            - Z * Math.sqrt(share * (1 - share) / votes + zz / (4.0 * votes * votes)))
                    / (1 + zz / votes);
        }
    }

    private final MongoTemplate mongoTemplate;
    private final PublishedContents contents;
    private final Cache<ContentType, List<RankedPage>> ranked;

    MostHelpful(
            MongoTemplate mongoTemplate,
            PublishedContents contents,
            @Value("${platform.feedback.most-helpful-max-age:60s}") Duration maxAge) {
        this.mongoTemplate = mongoTemplate;
        this.contents = contents;
        this.ranked = Caffeine.newBuilder().expireAfterWrite(maxAge).build();
    }

    List<RankedPage> of(ContentType type, int size) {
        return ranked.get(type, this::rank).stream().limit(size).toList();
    }

    private List<RankedPage> rank(ContentType type) {
        Query query = Query.query(Criteria.where("targetType")
                        .is(type.name())
                        .and("helpful")
                        .gt(0))
                .with(Sort.by(Sort.Direction.DESC, "helpful"))
                .limit(CANDIDATES);
        query.fields().include("targetId", "helpful", "notHelpful");
        return mongoTemplate.find(query, Document.class, FeedbackSummaries.COLLECTION).stream()
                .flatMap(counts -> contents.findLiveLoaded(type, counts.getString("targetId")).stream()
                        .map(page -> new RankedPage(
                                page.id(),
                                page.slug(),
                                page.title(),
                                count(counts, "helpful"),
                                count(counts, "notHelpful"))))
                .sorted(Comparator.comparingDouble(RankedPage::lowerBound)
                        .reversed()
                        .thenComparing(RankedPage::helpful, Comparator.reverseOrder()))
                .limit(MAX_SIZE)
                .toList();
    }

    private static long count(Document counts, String field) {
        return counts.get(field) instanceof Number number ? number.longValue() : 0;
    }
}
