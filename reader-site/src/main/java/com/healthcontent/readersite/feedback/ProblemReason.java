package com.healthcontent.readersite.feedback;

/** What a reader can say was wrong, as the feedback API names it, with the words the page uses. */
public enum ProblemReason {
    INACCURATE("Something is wrong or inaccurate"),
    OUTDATED("It is out of date"),
    QUESTIONABLE("The advice seems questionable or unsafe"),
    UNCLEAR("It is hard to understand"),
    BROKEN_LINK("A link does not work"),
    OTHER("Something else");

    private final String label;

    ProblemReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
