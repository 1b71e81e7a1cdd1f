package com.healthcontent.articles.revisions;

import com.healthcontent.articles.article.ArticleContent;
import com.healthcontent.articles.article.ArticleQueries;
import com.healthcontent.articles.article.ArticleViews;
import com.healthcontent.articles.article.Articles;
import com.healthcontent.editorial.archive.ArchivedRevision;
import com.healthcontent.editorial.archive.RevisionViews;
import com.healthcontent.servicedefaults.apidocs.AlsoAnswers;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every published version of an article, for staff: what the page said at any time, who approved it then, its
 * digest, what changed between any two, and the way back to an old one (as a new working copy, reviewed again).
 */
@RestController
@Tag(name = "Revisions", description = "The archive of every published version of an article")
@RequestMapping("/api/v1/articles/{id}/revisions")
@PreAuthorize("hasAnyRole('AUTHOR', 'EDITOR', 'MEDICAL_REVIEWER')")
class RevisionController {

    private final Articles articles;
    private final ArticleQueries queries;

    RevisionController(Articles articles, ArticleQueries queries) {
        this.articles = articles;
        this.queries = queries;
    }

    @Operation(summary = "The published versions of an article, newest first")
    @GetMapping
    ResponseEntity<List<RevisionViews.RevisionSummary>> list(@PathVariable String id, Actor actor) {
        return staffOnly(articles.revisions(id).stream()
                .map(RevisionViews.RevisionSummary::of)
                .toList());
    }

    @Operation(summary = "One published version, exactly as it was published, with its approvals and digest")
    @GetMapping("/{number}")
    ResponseEntity<RevisionViews.Revision<ArticleContent>> revision(
            @PathVariable String id, @PathVariable String number, Actor actor) {
        ArchivedRevision revision = articles.revision(id, RevisionViews.number(id, number));
        return staffOnly(RevisionViews.Revision.of(revision, articles.contentOf(revision)));
    }

    @Operation(summary = "What changed between two published versions, part by part (sections[2].body, ...)")
    @AlsoAnswers({HttpStatus.BAD_REQUEST})
    @GetMapping("/diff")
    ResponseEntity<RevisionViews.Comparison> diff(
            @PathVariable String id,
            @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to,
            Actor actor) {
        return staffOnly(RevisionViews.Comparison.of(
                () -> articles.revisions(id), from, to, number -> articles.contentOf(articles.revision(id, number))));
    }

    @Operation(
            summary = "Make an old version the working copy again (its author, EDITOR); it goes through review "
                    + "before readers get it")
    @AlsoAnswers({HttpStatus.CONFLICT})
    @PostMapping("/{number}/restoration")
    ResponseEntity<ArticleViews.Draft> restore(@PathVariable String id, @PathVariable String number, Actor actor) {
        var restored = articles.restore(id, RevisionViews.number(id, number), actor);
        return ResponseEntity.ok()
                .eTag(Versions.etag(restored.currentVersion()))
                .body(queries.draftView(restored));
    }

    private static <T> ResponseEntity<T> staffOnly(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
