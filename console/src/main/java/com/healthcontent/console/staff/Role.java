package com.healthcontent.console.staff;

/** The platform's staff roles, in the order the forms offer them, and in words. */
enum Role {
    AUTHOR("Author"),
    EDITOR("Editor"),
    MEDICAL_REVIEWER("Medical reviewer"),
    ADMIN("Administrator");

    private final String words;

    Role(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** A role as the API names it, in words; one this console does not know yet, as the API names it. */
    static String wordsFor(String role) {
        for (Role known : values()) {
            if (known.name().equals(role)) {
                return known.words;
            }
        }
        return role;
    }
}
