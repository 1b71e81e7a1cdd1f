package com.healthcontent.editorial.review;

import com.healthcontent.editorial.staff.StaffProfile;
import com.healthcontent.servicedefaults.problem.FieldViolation;
import com.healthcontent.servicedefaults.problem.InvalidInputException;
import com.healthcontent.servicedefaults.problem.UnprocessableContentException;
import com.healthcontent.servicedefaults.security.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The medical review of the version under review: who was asked and who has approved. The same rules hold for
 * articles and exercises: one to {@value #MAX_REVIEWERS} medical reviewers from the staff directory, never the
 * author nor whoever sends it to review, and it is approved when everyone asked has approved.
 */
public record ReviewRound(List<String> reviewers, List<MedicalReview> approvals) {

    public static final int MAX_REVIEWERS = 5;

    public ReviewRound {
        reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }

    public static ReviewRound none() {
        return new ReviewRound(List.of(), List.of());
    }

    /** A new round; {@code reviewers} are already known to be medical reviewers (the directory checks that). */
    public static ReviewRound askedOf(List<StaffProfile> reviewers, String author, Actor requestedBy) {
        return new ReviewRound(checked(reviewers, author, requestedBy), List.of());
    }

    /** Other reviewers for the same round; approvals of those who stay assigned still count. */
    public ReviewRound reassignedTo(List<StaffProfile> newReviewers, String author, Actor editor) {
        List<String> assigned = checked(newReviewers, author, editor);
        return new ReviewRound(
                assigned,
                approvals.stream().filter(a -> assigned.contains(a.reviewer())).toList());
    }

    public boolean isAssigned(String username) {
        return reviewers.contains(username);
    }

    public ReviewRound approvedBy(StaffProfile reviewer, Instant now) {
        List<MedicalReview> newApprovals = new ArrayList<>(approvals);
        newApprovals.removeIf(review -> review.reviewer().equals(reviewer.username()));
        newApprovals.add(new MedicalReview(reviewer.username(), reviewer.name(), reviewer.credentials(), now));
        return new ReviewRound(reviewers, newApprovals);
    }

    public boolean approvedByAll() {
        return !reviewers.isEmpty() && awaiting().isEmpty();
    }

    /** The assigned reviewers who have not approved yet: whose queue it is in. */
    public List<String> awaiting() {
        List<String> approvers = approvals.stream().map(MedicalReview::reviewer).toList();
        return reviewers.stream()
                .filter(reviewer -> !approvers.contains(reviewer))
                .toList();
    }

    public Instant approvedAt(Instant otherwise) {
        return approvals.stream()
                .map(MedicalReview::reviewedAt)
                .max(Instant::compareTo)
                .orElse(otherwise);
    }

    private static List<String> checked(List<StaffProfile> reviewers, String author, Actor requestedBy) {
        List<String> names =
                reviewers.stream().map(StaffProfile::username).distinct().toList();
        if (names.isEmpty() || names.size() > MAX_REVIEWERS) {
            throw new InvalidInputException("reviewers", "name between 1 and " + MAX_REVIEWERS + " medical reviewers");
        }
        List<FieldViolation> problems = new ArrayList<>();
        for (int i = 0; i < reviewers.size(); i++) {
            String name = reviewers.get(i).username();
            if (name.equals(author)) {
                problems.add(new FieldViolation(
                        "reviewers[" + i + "]", "'" + name + "' wrote it; nobody reviews their own work"));
            } else if (name.equals(requestedBy.username())) {
                problems.add(new FieldViolation(
                        "reviewers[" + i + "]", "'" + name + "' is sending it to review; ask someone else"));
            }
        }
        if (!problems.isEmpty()) {
            throw new UnprocessableContentException(
                    "A medical review needs reviewers other than its author and sender.", problems);
        }
        return names;
    }
}
