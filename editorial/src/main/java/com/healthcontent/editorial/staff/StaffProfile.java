package com.healthcontent.editorial.staff;

import java.util.Set;

/**
 * A member of staff as the identity side publishes them: the username tokens carry, the name and credentials
 * readers see on pages ("Dr. Priya Rao, M.D."), and the roles that decide what they may be asked to do.
 */
public record StaffProfile(String username, String name, String credentials, Set<String> roles) {

    public static final String MEDICAL_REVIEWER = "MEDICAL_REVIEWER";

    public StaffProfile {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        name = name == null || name.isBlank() ? username : name;
    }

    /** Someone the directory does not know (left, or not yet synchronised): shown by username, with no role. */
    public static StaffProfile unknown(String username) {
        return new StaffProfile(username, username, null, Set.of());
    }

    public boolean isMedicalReviewer() {
        return roles.contains(MEDICAL_REVIEWER);
    }
}
