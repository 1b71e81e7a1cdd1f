package com.healthcontent.articles.article;

import com.healthcontent.editorial.archive.RevisionViews;
import com.healthcontent.editorial.review.ContentStatus;
import com.healthcontent.editorial.review.ReviewQueue;
import com.healthcontent.editorial.review.StalledReviews;
import com.healthcontent.servicedefaults.apidocs.AlsoAnswers;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.web.PagedResponse;
import com.healthcontent.servicedefaults.web.Paging;
import com.healthcontent.servicedefaults.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@Tag(
        name = "Articles",
        description = "Published articles for readers; drafts and revisions for their authors and editors")
@RequestMapping("/api/v1/articles")
class ArticleController {

    /** Lists: short, so that an unpublished article leaves shared caches within a minute. */
    private static final CacheControl PUBLIC_CONTENT =
            CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();
    /**
     * An article page: browsers and CDNs may keep it but ask again every time (a 304 when nothing changed), so a
     * correction or an unpublication reaches readers at once. The gateway's edge cache keeps pages until the
     * article events say they changed.
     */
    static final CacheControl REVALIDATED = CacheControl.noCache().cachePublic();

    private final Articles articles;
    private final ArticleQueries queries;
    private final PublicArticles publicArticles;

    ArticleController(Articles articles, ArticleQueries queries, PublicArticles publicArticles) {
        this.articles = articles;
        this.queries = queries;
        this.publicArticles = publicArticles;
    }

    /** Published articles, newest first; {@code q} searches title, summary and text. */
    @GetMapping
    ResponseEntity<PagedResponse<ArticleViews.ListedArticle>> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String reviewer,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant modifiedSince,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        var filter = new ArticleQueries.Filter(q, tag, category, reviewer, modifiedSince);
        var result = queries.published(filter, Paging.of(page, size, ArticleQueries.newestFirst()));
        return ResponseEntity.ok().cacheControl(PUBLIC_CONTENT).body(PagedResponse.of(result, ArticleViews::listed));
    }

    /** schema.org MedicalWebPage JSON-LD of a published article, for web pages to embed. */
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = "application/ld+json",
                            schema = @Schema(implementation = StructuredData.MedicalWebPage.class)))
    @GetMapping(path = "/{slug}/structured-data", produces = "application/ld+json")
    ResponseEntity<byte[]> structuredData(@PathVariable String slug, WebRequest request) {
        return publicArticles.structuredData(slug).respond(request, REVALIDATED);
    }

    /**
     * Staff: live articles whose next medical review falls due within {@code due} (default 30d), soonest first;
     * already due and flagged ones included. The caller must be signed in ({@code actor}: 401 otherwise); the role
     * gate is the service's.
     */
    @AlsoAnswers({HttpStatus.FORBIDDEN})
    @GetMapping("/due-for-review")
    ResponseEntity<PagedResponse<ArticleViews.DueForReview>> dueForReview(
            @RequestParam(defaultValue = "30d") String due,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Actor actor) {
        var result = queries.dueForReview(ReviewQueue.window(due), Paging.of(page, size, Sort.by("nextReviewDue")));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(PagedResponse.of(result, ArticleViews::dueForReview));
    }

    /**
     * The caller's part of {@code GET /api/v1/me/reviews} (merged by the gateway with exercise-service's): articles
     * awaiting their decision, oldest submission first, or with {@code due=30d} live articles they reviewed whose
     * review falls due within the window. Keyset paging: pass {@code page.next} as {@code after}.
     */
    @AlsoAnswers({HttpStatus.FORBIDDEN})
    @GetMapping("/review-queue")
    ResponseEntity<ReviewQueue.Page> reviewQueue(
            @RequestParam(required = false) String due,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer size,
            Actor actor) {
        var window = ReviewQueue.window(due);
        int pageSize = Paging.size(size);
        List<ReviewQueue.Item> items =
                queries.reviewQueue(window, ReviewQueue.Cursor.parse(after), pageSize, actor).stream()
                        .map(article -> ArticleViews.queued(article, window != null))
                        .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ReviewQueue.page(items, pageSize));
    }

    @GetMapping("/{slug}")
    @ApiResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = ArticleViews.PublicArticle.class)))
    ResponseEntity<byte[]> bySlug(@PathVariable String slug, WebRequest request) {
        return publicArticles.article(slug).respond(request, REVALIDATED);
    }

    /**
     * The platform's signed record that the article as readers get it now is the version its medical reviewers
     * approved, with the approved content (see docs/api.md, "Revisions and provenance").
     */
    @GetMapping("/{slug}/approval")
    ResponseEntity<RevisionViews.SignedApproval> approval(@PathVariable String slug, WebRequest request) {
        return publicArticles.approval(slug).response(request);
    }

    /** Staff: working copies, newest first; editors see all of them ({@code status=APPROVED}: to publish), authors theirs. */
    @AlsoAnswers({HttpStatus.FORBIDDEN})
    @GetMapping("/drafts")
    ResponseEntity<PagedResponse<ReviewQueue.Item>> drafts(
            @RequestParam(required = false) ContentStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Actor actor) {
        var result = queries.workingCopies(status, actor, Paging.of(page, size, Sort.by(Sort.Direction.DESC, "_id")));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(PagedResponse.of(result, article -> ArticleViews.queued(article, false)));
    }

    /** Editors: articles in review that wait on a reviewer who can no longer review (disabled, say), to reassign. */
    @AlsoAnswers({HttpStatus.FORBIDDEN})
    @GetMapping("/stalled-reviews")
    ResponseEntity<StalledReviews.Listing> stalledReviews(Actor actor) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new StalledReviews.Listing(queries.stalledReviews(actor)));
    }

    @AlsoAnswers({HttpStatus.FORBIDDEN})
    @GetMapping("/drafts/{id}")
    ResponseEntity<ArticleViews.Draft> draft(@PathVariable String id, Actor actor) {
        Article article = queries.draft(id, actor);
        return ResponseEntity.ok()
                .eTag(Versions.etag(article.currentVersion()))
                .cacheControl(CacheControl.noStore())
                .body(queries.draftView(article));
    }

    @Operation(
            summary = "Create a draft (AUTHOR, EDITOR)",
            description = "The slug comes from the title unless given. "
                    + "A draft may be incomplete; submission checks citations and exercise blocks.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "minimal", value = """
                    {"title": "Is It Good or Bad to Crack Your Back?", "summary": "When it helps and when it harms.",
                     "tags": ["back pain"],
                     "sections": [{"type": "TEXT", "heading": "Where the pop comes from",
                                   "body": "Gas leaving the joint fluid makes the sound [1]."}],
                     "references": [{"number": 1, "title": "Real-time visualization of joint cavitation",
                                     "url": "https://doi.org/10.1371/journal.pone.0119470"}]}""")))
    @ApiResponse(
            responseCode = "201",
            description = "Created: the draft, its ETag, and where it lives",
            headers =
                    @Header(
                            name = "Location",
                            description = "/api/v1/articles/drafts/{id}",
                            schema = @Schema(type = "string", format = "uri-reference")))
    @AlsoAnswers({HttpStatus.CONFLICT})
    @PostMapping
    ResponseEntity<ArticleViews.Draft> create(@Valid @RequestBody ArticleRequest body, Actor actor) {
        Article article = articles.create(body, actor);
        return ResponseEntity.created(URI.create("/api/v1/articles/drafts/" + article.id()))
                .eTag(Versions.etag(article.currentVersion()))
                .body(queries.draftView(article));
    }

    @AlsoAnswers({HttpStatus.CONFLICT})
    @PutMapping("/{id}")
    ResponseEntity<ArticleViews.Draft> edit(
            @PathVariable String id,
            @Valid @RequestBody ArticleRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Actor actor) {
        Article article = articles.edit(id, body, ifMatch, actor);
        return ResponseEntity.ok().eTag(Versions.etag(article.currentVersion())).body(queries.draftView(article));
    }
}
