package com.healthcontent.editorial;

import com.healthcontent.servicedefaults.ServiceDefaultsEnvironmentPostProcessor;

/** Adds {@code editorial-defaults.yml} (the review policy of every reviewed content type) at lowest precedence. */
public class EditorialDefaults extends ServiceDefaultsEnvironmentPostProcessor {

    public EditorialDefaults() {
        super("editorial-defaults.yml");
    }
}
