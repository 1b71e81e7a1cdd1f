package com.healthcontent.feedback.triage;

import com.healthcontent.feedback.content.ContentType;
import com.healthcontent.feedback.submission.Feedback;
import com.healthcontent.feedback.submission.ProblemReason;
import com.healthcontent.feedback.submission.ReportStatus;
import com.healthcontent.feedback.submission.StatusChange;
import com.healthcontent.servicedefaults.apidocs.AlsoAnswers;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.text.SafeText;
import com.healthcontent.servicedefaults.web.PagedResponse;
import com.healthcontent.servicedefaults.web.Paging;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
        name = "Problem report triage",
        description = "Problem reports on the content a reviewer answers for, and their triage")
@RequestMapping("/api/v1/feedback/reports")
class ReportController {

    /** RFC 4180: quoted where needed, CRLF between rows. */
    private static final CSVFormat REPORTS_CSV = CSVFormat.RFC4180
            .builder()
            .setHeader("id", "submitted_at", "target_type", "target_slug", "reason", "status", "comment")
            .get();

    record ReportView(
            String id,
            ReportTarget target,
            String reason,
            boolean helpful,
            String comment,
            String tryingTo,
            List<String> flags,
            ReportStatus status,
            List<StatusChange> statusHistory,
            Instant submittedAt) {

        /** The content as it was when the report was made: its revision then (null: not recorded). */
        record ReportTarget(ContentType type, String id, String slug, String title, Long revision) {}

        static ReportView of(Feedback f) {
            return new ReportView(
                    f.id(),
                    new ReportTarget(f.targetType(), f.targetId(), f.targetSlug(), f.targetTitle(), f.targetRevision()),
                    f.reason().name(),
                    f.helpful(),
                    f.comment(),
                    f.tryingTo(),
                    f.flags(),
                    f.status(),
                    f.statusHistory(),
                    f.submittedAt());
        }
    }

    record StatusRequest(
            @NotNull ReportStatus status,
            @Size(max = 2000) @SafeText String note) {}

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    /** Reports on content the caller reviews (editors: all), newest first. */
    @AlsoAnswers({HttpStatus.FORBIDDEN})
    @GetMapping
    PagedResponse<ReportView> list(
            @RequestParam(required = false) ReportStatus status,
            @RequestParam(required = false) ProblemReason reason,
            @RequestParam(required = false) ContentType type,
            @RequestParam(required = false) String id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Actor actor) {
        return PagedResponse.of(
                reports.visibleTo(
                        actor,
                        new Reports.Filter(status, reason, type, id),
                        Paging.of(page, size, Sort.by(Sort.Direction.DESC, "submittedAt"))),
                ReportView::of);
    }

    @AlsoAnswers({HttpStatus.CONFLICT})
    @PostMapping("/{id}/status")
    ReportView changeStatus(@PathVariable String id, @Valid @RequestBody StatusRequest body, Actor actor) {
        return ReportView.of(reports.changeStatus(id, body.status(), body.note(), actor));
    }

    /** CSV of the reports submitted in [from, to); comments are already masked of personal data. */
    @AlsoAnswers({HttpStatus.FORBIDDEN})
    @GetMapping(path = "/export", produces = "text/csv")
    ResponseEntity<String> export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            Actor actor) {
        StringWriter csv = new StringWriter();
        try (CSVPrinter rows = new CSVPrinter(csv, REPORTS_CSV)) {
            for (Feedback f : reports.export(actor, from, to)) {
                rows.printRecord(
                        f.id(),
                        f.submittedAt(),
                        f.targetType(),
                        spreadsheetSafe(f.targetSlug()),
                        f.reason(),
                        f.status(),
                        spreadsheetSafe(f.comment()));
            }
        } catch (IOException cannotHappen) { // a StringWriter does not fail
            throw new UncheckedIOException(cannotHappen);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"problem-reports.csv\"")
                .body(csv.toString());
    }

    /** A leading quote for text a spreadsheet would otherwise run as a formula (CSV injection). */
    static String spreadsheetSafe(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
