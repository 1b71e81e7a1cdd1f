package com.healthcontent.readersite;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The site's page tests: the site (one Spring context for all of them) calling a {@link StandInApi} in the public
 * API's place, which each test tells what to answer, by default what the platform answered for the demo content.
 */
@SpringBootTest(
        properties = {
            "platform.reader-site.public-url=https://www.example.org",
            "platform.reader-site.gateway-key=key-of-the-site"
        })
@AutoConfigureMockMvc
abstract class RecordedPlatformTest {

    /** One for the whole run, as the context is; each test class resets it before it sets its answers. */
    static final StandInApi API = new StandInApi();

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry properties) {
        properties.add("platform.reader-site.api-url", API::url);
    }
}
