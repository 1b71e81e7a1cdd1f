package com.healthcontent.editorial.review;

import com.healthcontent.editorial.staff.StaffProfile;
import com.healthcontent.events.ArticlePublished;
import com.healthcontent.events.Changed;
import com.healthcontent.events.EventType;
import com.healthcontent.events.IntegrationEvent;
import com.healthcontent.servicedefaults.security.Actor;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The workflow on its own, with the smallest content type there is: a text whose live version is the approved text.
 * Every step of the workflow is offered, so the rules are proved for all of them here; each content type's own
 * properties prove that it uses them faithfully.
 */
class WorkflowProperties extends ContentWorkflowProperties<WorkflowProperties.Note> {

    static final ContentKind NOTE =
            new ContentKind("NOTE", "note", EventType.ARTICLE_REVIEW_REQUESTED, EventType.ARTICLE_REVIEW_DECIDED);

    record Note(String draft, String live, List<MedicalReview> liveApprovals, Workflow workflow, int edits) {

        Workflow.Subject subject() {
            return new Workflow.Subject(NOTE, "note-1", "a-note", draft);
        }

        Changed<Note> after(Workflow.Step step, String newDraft, String newLive, List<MedicalReview> approvals) {
            return new Changed<>(new Note(newDraft, newLive, approvals, step.workflow(), edits + 1), step.events());
        }
    }

    @Override
    protected Note draft(Actor author, Instant now) {
        return new Note("first text", null, List.of(), Workflow.started(NOTE, author, now), 0);
    }

    @Override
    protected Changed<Note> take(Action action, Note note, Actor actor, List<StaffProfile> reviewers, Instant now) {
        Workflow w = note.workflow();
        Workflow.Subject s = note.subject();
        boolean live = note.live() != null;
        return switch (action) {
            case EDIT ->
                note.after(
                        w.edit(s, live, actor, now), "text " + (note.edits() + 1), note.live(), note.liveApprovals());
            case SUBMIT ->
                note.after(
                        w.submit(s, checkedReviewers(reviewers), actor, now),
                        note.draft(),
                        note.live(),
                        note.liveApprovals());
            case APPROVE ->
                note.after(
                        w.review(s, true, "Checked.", self(actor), actor, now),
                        note.draft(),
                        note.live(),
                        note.liveApprovals());
            case REQUEST_CHANGES ->
                note.after(
                        w.review(s, false, "Cite it.", self(actor), actor, now),
                        note.draft(),
                        note.live(),
                        note.liveApprovals());
            case WITHDRAW ->
                note.after(w.withdraw(s, "Not ready.", actor, now), note.draft(), note.live(), note.liveApprovals());
            case REASSIGN ->
                note.after(
                        w.reassign(s, checkedReviewers(reviewers), actor, now),
                        note.draft(),
                        note.live(),
                        note.liveApprovals());
            case SCHEDULE ->
                note.after(
                        w.schedule(s, now.plusSeconds(86_400), actor, now),
                        note.draft(),
                        note.live(),
                        note.liveApprovals());
            case SCHEDULE_IN_PAST ->
                note.after(
                        w.schedule(s, now.minusSeconds(1), actor, now),
                        note.draft(),
                        note.live(),
                        note.liveApprovals());
            case CANCEL_SCHEDULE ->
                note.after(w.cancelSchedule(s, actor, now), note.draft(), note.live(), note.liveApprovals());
            case PUBLISH, PUBLISH_UNTIL -> {
                Workflow.Step step =
                        w.publish(s, live, actor, now, POLICY, action == Action.PUBLISH_UNTIL ? period(now) : null);
                Changed<Note> published = note.after(step, note.draft(), note.draft(), w.approvals());
                yield published.and(new IntegrationEvent(
                        EventType.ARTICLE_PUBLISHED,
                        "note-1",
                        "a-note",
                        new ArticlePublished(
                                "note-1",
                                "a-note",
                                note.draft(),
                                "",
                                List.of(),
                                w.author(),
                                List.of(),
                                List.of(),
                                now,
                                step.workflow().publications())));
            }
            case UNPUBLISH ->
                note.after(w.unpublish(s, "Outdated.", live, actor, now), note.draft(), null, note.liveApprovals());
            case EXPIRE ->
                note.after(w.expire(s, live, ContentStatus.UNPUBLISHED, now), note.draft(), null, note.liveApprovals());
            case UNPUBLISH_WITHOUT_REASON ->
                note.after(w.unpublish(s, " ", live, actor, now), note.draft(), null, note.liveApprovals());
            case FLAG ->
                note.after(
                        w.needsReview(s, "New guideline.", actor, now), note.live(), note.live(), note.liveApprovals());
            case RETIRE -> note.after(w.retire(s, live, actor, now), note.draft(), note.live(), note.liveApprovals());
        };
    }

    @Override
    protected Workflow workflow(Note note) {
        return note.workflow();
    }

    @Override
    protected Object liveContent(Note note) {
        return note.live();
    }

    @Override
    protected Object draftContent(Note note) {
        return note.draft();
    }

    @Override
    protected List<MedicalReview> liveApprovals(Note note) {
        return note.liveApprovals();
    }

    @Override
    protected Set<EventType> publicationEvents() {
        return Set.of(EventType.ARTICLE_PUBLISHED);
    }

    @Override
    protected Set<Action> actions() {
        return EnumSet.allOf(Action.class);
    }
}
