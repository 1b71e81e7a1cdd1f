package com.healthcontent.readersite;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The site's feature packages (articles, exercises, search, feedback, site, platform) as modules: no cycles. */
class ArchitectureTest {

    @Test
    void featuresHaveNoCyclesAndUseOnlyEachOthersPublishedTypes() {
        ApplicationModules.of(ReaderSiteApplication.class).verify();
    }
}
