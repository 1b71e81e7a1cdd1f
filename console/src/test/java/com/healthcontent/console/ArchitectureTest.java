package com.healthcontent.console;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each direct sub-package here is a feature (alerts, reviews, reports, preferences, staff, platform, signin), which
 * Spring Modulith treats as an application module: the build fails on a cycle between two features, or when one uses a
 * type from a sub-package of another (its internals: a feature's API is the public types directly in its package, plus
 * any sub-package declared a published interface by {@code @org.springframework.modulith.NamedInterface} on its
 * {@code package-info}). It reads the compiled classes only, with no Spring context, so it takes seconds.
 */
class ArchitectureTest {

    @Test
    void featuresHaveNoCyclesAndUseOnlyEachOthersPublishedTypes() {
        ApplicationModules.of(ConsoleApplication.class).verify();
    }
}
