package com.healthcontent.console.staff;

/** What the staff audit trail records, as the API names it, and in words. */
enum AuditType {
    SIGN_IN_SUCCEEDED("Signed in"),
    // a wrong password or a refused passkey: the details say which
    SIGN_IN_FAILED("Sign-in failed"),
    SIGN_IN_THROTTLED("Sign-in held back after failures"),
    LOCKED_OUT("Locked out"),
    INVITED("Invited"),
    ROLES_CHANGED("Roles changed"),
    DISABLED("Disabled"),
    ENABLED("Enabled again"),
    PASSWORD_RESET_SENT("Password reset link sent"),
    PASSWORD_SET("Password set"),
    PASSKEY_ADDED("Passkey added"),
    PASSKEY_REMOVED("Passkey removed"),
    PASSKEYS_REMOVED("Passkeys removed by an administrator"),
    PASSKEY_POLICY_CHANGED("Roles needing a passkey changed");

    private final String words;

    AuditType(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** A type as the API names it, in words; one this console does not know yet, as the API names it. */
    static String wordsFor(String type) {
        for (AuditType known : values()) {
            if (known.name().equals(type)) {
                return known.words;
            }
        }
        return type;
    }
}
