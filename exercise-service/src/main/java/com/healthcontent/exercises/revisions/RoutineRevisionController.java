package com.healthcontent.exercises.revisions;

import com.healthcontent.editorial.archive.ArchivedRevision;
import com.healthcontent.editorial.archive.RevisionViews;
import com.healthcontent.exercises.routine.RoutineContent;
import com.healthcontent.exercises.routine.RoutineView;
import com.healthcontent.exercises.routine.Routines;
import com.healthcontent.servicedefaults.apidocs.AlsoAnswers;
import com.healthcontent.servicedefaults.security.Actor;
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

/** Every published version of a routine, for staff, as for articles. */
@RestController
@PreAuthorize("hasAnyRole('AUTHOR', 'EDITOR', 'MEDICAL_REVIEWER')")
@Tag(name = "Revisions", description = "The archive of every published version of an exercise or routine")
@RequestMapping("/api/v1/routines/{id}/revisions")
class RoutineRevisionController {

    private final Routines routines;

    RoutineRevisionController(Routines routines) {
        this.routines = routines;
    }

    @Operation(summary = "The published versions of a routine, newest first")
    @GetMapping
    ResponseEntity<List<RevisionViews.RevisionSummary>> list(@PathVariable String id, Actor actor) {
        return staffOnly(routines.revisions(id).stream()
                .map(RevisionViews.RevisionSummary::of)
                .toList());
    }

    @Operation(summary = "One published version, exactly as it was published, with its approvals and digest")
    @GetMapping("/{number}")
    ResponseEntity<RevisionViews.Revision<RoutineContent>> revision(
            @PathVariable String id, @PathVariable String number, Actor actor) {
        ArchivedRevision revision = routines.revision(id, RevisionViews.number(id, number));
        return staffOnly(RevisionViews.Revision.of(revision, routines.contentOf(revision)));
    }

    @Operation(summary = "What changed between two published versions, part by part (items[0].dose.holdSeconds, ...)")
    @AlsoAnswers({HttpStatus.BAD_REQUEST})
    @GetMapping("/diff")
    ResponseEntity<RevisionViews.Comparison> diff(
            @PathVariable String id,
            @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to,
            Actor actor) {
        return staffOnly(RevisionViews.Comparison.of(
                () -> routines.revisions(id), from, to, number -> routines.contentOf(routines.revision(id, number))));
    }

    @Operation(summary = "Make an old version the working copy again (its author, EDITOR); reviewed again")
    @AlsoAnswers({HttpStatus.CONFLICT})
    @PostMapping("/{number}/restoration")
    ResponseEntity<RoutineView> restore(@PathVariable String id, @PathVariable String number, Actor actor) {
        var restored = routines.restore(id, RevisionViews.number(id, number), actor);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(routines.draftView(restored));
    }

    private static <T> ResponseEntity<T> staffOnly(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
