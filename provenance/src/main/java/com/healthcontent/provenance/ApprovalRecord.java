package com.healthcontent.provenance;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the platform attests about a published version, signed as a JWT ({@code typ: approval+jwt}, ES256): which
 * item (type, id, slug), which version ({@code revision}, the publication count readers see), exactly what it says
 * ({@code contentDigest}, see {@link ContentDigest}), who approved it with their credentials at the time and when,
 * and when it was published. Staff usernames and review notes stay out: the record is public.
 */
public record ApprovalRecord(
        String issuer,
        String contentType,
        String contentId,
        String slug,
        int revision,
        String contentDigest,
        List<Reviewer> reviewers,
        Instant publishedAt,
        Instant signedAt) {

    public static final String TYPE = "approval+jwt";

    public ApprovalRecord {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(contentDigest, "contentDigest");
        reviewers = List.copyOf(reviewers);
    }

    /** A medical reviewer's approval as it was recorded: their name and credentials then, and when they approved. */
    public record Reviewer(String name, String credentials, Instant approvedAt) {}

    /** What a compact JWS record says, without checking who signed it: for showing it, never for trusting it. */
    public static ApprovalRecord unverified(String compact) {
        try {
            return of(SignedJWT.parse(compact).getJWTClaimsSet());
        } catch (ParseException e) {
            throw new IllegalArgumentException("not an approval record", e);
        }
    }

    JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(contentType + "/" + slug)
                .issueTime(Date.from(signedAt))
                .claim("contentType", contentType)
                .claim("contentId", contentId)
                .claim("slug", slug)
                .claim("revision", revision)
                .claim("contentDigest", contentDigest)
                .claim("publishedAt", publishedAt == null ? null : publishedAt.toString())
                .claim(
                        "reviewers",
                        reviewers.stream().map(ApprovalRecord::claim).toList())
                .build();
    }

    static ApprovalRecord of(JWTClaimsSet claims) throws ParseException {
        List<Object> reviewers = claims.getListClaim("reviewers");
        Number revision = (Number) claims.getClaim("revision");
        if (revision == null || reviewers == null) {
            throw new ParseException("an approval record names its revision and reviewers", 0);
        }
        return new ApprovalRecord(
                claims.getIssuer(),
                claims.getStringClaim("contentType"),
                claims.getStringClaim("contentId"),
                claims.getStringClaim("slug"),
                revision.intValue(),
                claims.getStringClaim("contentDigest"),
                reviewers.stream().map(ApprovalRecord::reviewer).toList(),
                instant(claims.getStringClaim("publishedAt")),
                claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant());
    }

    private static Map<String, Object> claim(Reviewer reviewer) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("name", reviewer.name());
        claim.put("credentials", reviewer.credentials());
        claim.put(
                "approvedAt",
                reviewer.approvedAt() == null ? null : reviewer.approvedAt().toString());
        return claim;
    }

    private static Reviewer reviewer(Object claim) {
        Map<?, ?> fields = (Map<?, ?>) claim;
        return new Reviewer((String) fields.get("name"), (String) fields.get("credentials"), instant((String)
                fields.get("approvedAt")));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
