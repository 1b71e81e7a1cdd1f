package com.healthcontent.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class PageCheckTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ApprovalKeys KEYS = ApprovalKeys.generate();

    static final String CONTENT = """
            {"title": "Cracking your back", "summary": "What the sound is.",
             "sections": [{"type": "TEXT", "heading": "Why", "body": "Gas & pop, < 1 s [1]."},
                          {"type": "TEXT", "heading": "Is it safe?", "body": "Usually [1]."}],
             "related": ["neck-pain"], "tags": ["back"]}""";

    static ObjectNode content() {
        return (ObjectNode) JSON.readTree(CONTENT);
    }

    static ApprovalRecord record(String digest) {
        return new ApprovalRecord(
                "http://localhost:8080",
                "article",
                "a1",
                "cracking-your-back",
                2,
                digest,
                List.of(new ApprovalRecord.Reviewer(
                        "Dr. Priya Rao", "MD, FRCP", Instant.parse("2026-11-30T10:15:30.123Z"))),
                Instant.parse("2026-12-01T09:00:00Z"),
                Instant.parse("2026-12-01T09:00:01Z"));
    }

    /** The page as readers get it: the content's fields plus what the platform adds (html, links, review). */
    static ObjectNode page(JsonNode content) {
        ObjectNode page = (ObjectNode) JSON.readTree("""
                {"id": "a1", "slug": "cracking-your-back", "revision": 2,
                 "related": [{"slug": "neck-pain", "title": "Neck pain"}, {"slug": "posture", "title": "Posture"}]}""");
        page.set("title", content.get("title"));
        page.set("summary", content.get("summary"));
        page.set("tags", content.get("tags"));
        page.set("sections", content.get("sections").deepCopy());
        page.get("sections").forEach(section -> ((ObjectNode) section).put("html", "<p>rendered</p>"));
        page.put("contentDigest", ContentDigest.of(content));
        return page;
    }

    static ObjectNode approval(String record, JsonNode content) {
        ObjectNode approval = JSON.createObjectNode();
        approval.put("record", record);
        approval.set("content", ContentDigest.canonicalTree(content));
        return approval;
    }

    private static PageCheck.Verdict check(JsonNode page, JsonNode approval) {
        return new PageCheck(page, approval, KEYS.published(), "article").verify();
    }

    private static PageCheck.Finding finding(PageCheck.Verdict verdict, String check) {
        return verdict.findings().stream()
                .filter(f -> f.check().equals(check))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPageAsApprovedIsVerified() {
        String digest = ContentDigest.of(content());
        PageCheck.Verdict verdict = check(page(content()), approval(KEYS.sign(record(digest)), content()));

        assertThat(verdict.findings()).allMatch(PageCheck.Finding::passed);
        assertThat(verdict.verified()).isTrue();
        // title, summary, tags[0], two sections of type, heading and body
        assertThat(finding(verdict, "page text").detail()).startsWith("9 fields");
        ApprovalRecord record = verdict.record().orElseThrow();
        assertThat(record).isEqualTo(record(digest));
    }

    @Test
    void aWordChangedOnThePageIsFoundAndNamed() {
        String digest = ContentDigest.of(content());
        ObjectNode page = page(content());
        ((ObjectNode) page.get("sections").get(1)).put("body", "Always [1].");

        PageCheck.Verdict verdict = check(page, approval(KEYS.sign(record(digest)), content()));

        assertThat(verdict.verified()).isFalse();
        assertThat(finding(verdict, "page text").passed()).isFalse();
        assertThat(finding(verdict, "page text").detail()).contains("sections[1].body");
    }

    @Test
    void aSectionLeftOffThePageIsFound() {
        String digest = ContentDigest.of(content());
        ObjectNode page = page(content());
        ((tools.jackson.databind.node.ArrayNode) page.get("sections")).remove(1);

        PageCheck.Verdict verdict = check(page, approval(KEYS.sign(record(digest)), content()));

        assertThat(finding(verdict, "page text").detail()).contains("sections (1 shown, 2 approved)");
        assertThat(verdict.verified()).isFalse();
    }

    @Test
    void contentOtherThanTheSignedDigestIsRefusedEvenWhenThePageAgreesWithIt() {
        String approvedDigest = ContentDigest.of(content());
        ObjectNode altered = content();
        altered.put("summary", "What the sound is not.");

        PageCheck.Verdict verdict = check(page(altered), approval(KEYS.sign(record(approvedDigest)), altered));

        assertThat(finding(verdict, "approved content").passed()).isFalse();
        assertThat(finding(verdict, "page digest").passed()).isFalse();
        assertThat(verdict.verified()).isFalse();
    }

    @Test
    void aRecordSignedWithAnotherKeyIsNotTrusted() {
        String digest = ContentDigest.of(content());
        String forged = ApprovalKeys.generate().sign(record(digest));

        PageCheck.Verdict verdict = check(page(content()), approval(forged, content()));

        assertThat(verdict.findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("signature");
            assertThat(f.passed()).isFalse();
            assertThat(f.detail()).contains("not a published one");
        });
        assertThat(verdict.record()).isEmpty();
        assertThat(verdict.verified()).isFalse();
    }

    @Test
    void aRecordAlteredAfterSigningDoesNotVerify() {
        String digest = ContentDigest.of(content());
        String[] parts = KEYS.sign(record(digest)).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        String altered = claims.replace("Dr. Priya Rao", "Dr. Evil");
        assertThat(altered).isNotEqualTo(claims);
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(altered.getBytes()) + "." + parts[2];

        PageCheck.Verdict verdict = check(page(content()), approval(tampered, content()));

        assertThat(finding(verdict, "signature").passed()).isFalse();
        assertThat(finding(verdict, "signature").detail()).contains("does not verify");
        assertThat(verdict.verified()).isFalse();
    }

    @Test
    void aPageShowingAnotherRevisionOrItemIsNotTheApprovedOne() {
        String digest = ContentDigest.of(content());
        ObjectNode page = page(content());
        page.put("revision", 3);
        page.put("slug", "something-else");

        PageCheck.Verdict verdict = check(page, approval(KEYS.sign(record(digest)), content()));

        assertThat(finding(verdict, "revision").detail()).isEqualTo("the page says 3, the record 2");
        assertThat(finding(verdict, "slug").passed()).isFalse();
        assertThat(new PageCheck(
                                page(content()),
                                approval(KEYS.sign(record(digest)), content()),
                                KEYS.published(),
                                "exercise")
                        .verify()
                        .verified())
                .isFalse();
    }

    @Test
    void anUnreadableRecordFailsWithoutAnException() {
        PageCheck.Verdict verdict = check(page(content()), approval("not.a.jws", content()));

        assertThat(finding(verdict, "signature").detail()).startsWith("the record cannot be read");
        assertThat(verdict.verified()).isFalse();
    }
}
