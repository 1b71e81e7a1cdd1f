package com.healthcontent.provenance;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Whether a page as readers get it is the version its medical reviewers approved: the approval record's signature
 * verifies under a published key, the approved content has the signed digest, and the page names the same item,
 * revision and digest and says, wherever it shows a field of the content, exactly what was approved.
 *
 * @param page the public page (the API's JSON)
 * @param approval what {@code .../approval} answers: the signed {@code record} and the approved {@code content}
 */
public record PageCheck(JsonNode page, JsonNode approval, JWKSet keys, String expectedType) {

    /** One thing checked, and what was found. */
    public record Finding(String check, boolean passed, String detail) {}

    /** Everything checked; the page is verified only when every finding passed. */
    public record Verdict(List<Finding> findings, Optional<ApprovalRecord> record) {

        public boolean verified() {
            return !findings.isEmpty() && findings.stream().allMatch(Finding::passed);
        }
    }

    public Verdict verify() {
        List<Finding> findings = new ArrayList<>();
        Optional<ApprovalRecord> signed = signedRecord(findings);
        if (signed.isEmpty()) {
            return new Verdict(findings, signed);
        }
        ApprovalRecord record = signed.get();
        String digest = ContentDigest.of(approval.path("content"));
        findings.add(new Finding(
                "approved content",
                approval.path("content").isObject() && digest.equals(record.contentDigest()),
                "its digest is " + digest + ", the record signs " + record.contentDigest()));
        same(findings, "page digest", page.path("contentDigest").asString(""), record.contentDigest());
        same(findings, "slug", page.path("slug").asString(""), record.slug());
        if (expectedType != null) {
            same(findings, "type", expectedType, record.contentType());
        }
        same(findings, "revision", page.path("revision").asString(""), Integer.toString(record.revision()));
        findings.add(new Finding(
                "reviewers",
                !record.reviewers().isEmpty(),
                record.reviewers().size() + " medical reviewer(s) approved it"));
        findings.add(pageText());
        return new Verdict(findings, signed);
    }

    private Optional<ApprovalRecord> signedRecord(List<Finding> findings) {
        String compact = approval.path("record").asString("");
        try {
            SignedJWT jwt = SignedJWT.parse(compact);
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())
                    || !new JOSEObjectType(ApprovalRecord.TYPE)
                            .equals(jwt.getHeader().getType())) {
                findings.add(new Finding("signature", false, "not an ES256 approval+jwt"));
                return Optional.empty();
            }
            JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            if (!(key instanceof ECKey ecKey)) {
                findings.add(new Finding(
                        "signature", false, "signed with key " + jwt.getHeader().getKeyID() + ", not a published one"));
                return Optional.empty();
            }
            if (!jwt.verify(new ECDSAVerifier(ecKey.toPublicJWK()))) {
                findings.add(new Finding("signature", false, "does not verify under key " + ecKey.getKeyID()));
                return Optional.empty();
            }
            ApprovalRecord record = ApprovalRecord.of(jwt.getJWTClaimsSet());
            findings.add(new Finding("signature", true, "ES256, key " + ecKey.getKeyID() + ", by " + record.issuer()));
            return Optional.of(record);
        } catch (ParseException | JOSEException | RuntimeException e) {
            findings.add(new Finding("signature", false, "the record cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static void same(List<Finding> findings, String check, String onPage, String signed) {
        findings.add(new Finding(
                check,
                signed.equals(onPage),
                signed.equals(onPage) ? signed : "the page says " + onPage + ", the record " + signed));
    }

    /**
     * Every text, number and choice of the approved content that the page shows under the same name and position
     * ({@code title}, {@code sections[2].body}, {@code dose.holdSeconds}) is the same on the page.
     */
    private Finding pageText() {
        List<String> differences = new ArrayList<>();
        int compared = compare(approval.path("content"), page, "", differences);
        boolean passed = compared > 0 && differences.isEmpty();
        String detail = differences.isEmpty()
                ? compared + " fields of the approved content are on the page, all as approved"
                : "differs from what was approved at " + String.join(", ", differences);
        return new Finding("page text", passed, detail);
    }

    private static int compare(JsonNode approved, JsonNode shown, String path, List<String> differences) {
        if (shown == null || shown.isMissingNode() || shown.isNull()) {
            return 0;
        }
        if (approved.isObject() && shown.isObject()) {
            int compared = 0;
            for (Map.Entry<String, JsonNode> field : approved.properties()) {
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                compared += compare(field.getValue(), shown.get(field.getKey()), child, differences);
            }
            return compared;
        }
        if (approved.isArray() && shown.isArray()) {
            // the same list (sections, steps): none left out or added. A list the page shows in its own form (an
            // article's related slugs as links, fewer when some are not live) or empty on either side is not one
            if (!approved.isEmpty() && !shown.isEmpty() && sameKind(approved.get(0), shown.get(0))) {
                if (approved.size() != shown.size()) {
                    differences.add(path + " (" + shown.size() + " shown, " + approved.size() + " approved)");
                    return 1;
                }
            }
            int compared = 0;
            for (int i = 0; i < approved.size(); i++) {
                compared += compare(approved.get(i), shown.get(i), path + "[" + i + "]", differences);
            }
            return compared;
        }
        if (approved.isValueNode() && shown.isValueNode()) {
            if (!approved.asString().equals(shown.asString())) {
                differences.add(path);
            }
            return 1;
        }
        return 0;
    }

    private static boolean sameKind(JsonNode one, JsonNode other) {
        return one.isObject() == other.isObject() && one.isValueNode() == other.isValueNode();
    }
}
