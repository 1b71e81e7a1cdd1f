package com.healthcontent.console.platform;

import static com.healthcontent.console.Pages.page;
import static com.healthcontent.console.Platform.problem;
import static com.healthcontent.console.signin.SignedIn.accessTokenOf;
import static com.healthcontent.console.signin.SignedIn.drRao;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.healthcontent.console.ConsolePageTest;
import com.healthcontent.console.Platform;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * How the console calls the platform and what a page says when the platform says no: the signed-in person's own
 * token on every call, and the API's reason, in its own words, on a page with the matching status.
 */
@ConsolePageTest
class PlatformCallsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Platform platform;

    @Test
    void everyCallCarriesTheSignedInPersonsOwnAccessToken() throws Exception {
        platform.expect(HttpMethod.GET, "/api/v1/me/alert-preferences")
                .andExpect(header(HttpHeaders.AUTHORIZATION, "Bearer " + accessTokenOf("dr.rao", "MEDICAL_REVIEWER")))
                .andRespond(withSuccess("""
                        {"email": null, "webhookUrl": null, "dailyDigest": false, "timeZone": "UTC",
                         "quietFrom": null, "quietUntil": null, "digestAt": "08:00"}
                        """, MediaType.APPLICATION_JSON));

        mvc.perform(get("/preferences").with(drRao())).andExpect(status().isOk());
    }

    @Test
    void aPageThePlatformForbidsIsANotAllowedPageWithItsReason() throws Exception {
        platform.expect(HttpMethod.GET, "/api/v1/articles/drafts/a-9")
                .andRespond(problem(HttpStatus.FORBIDDEN, "Authors see their own drafts."));

        Document refused = page(mvc.perform(get("/articles/a-9").with(drRao())).andExpect(status().isForbidden()));

        assertThat(refused.select("h1").text()).isEqualTo("Not allowed");
        assertThat(refused.select("main p").first().text()).isEqualTo("Authors see their own drafts.");
        assertThat(refused.select("main a").attr("href")).isEqualTo("/");
    }

    @Test
    void somethingThePlatformDoesNotKnowIsANotFoundPage() throws Exception {
        platform.expect(HttpMethod.GET, "/api/v1/articles/drafts/a-9")
                .andRespond(problem(HttpStatus.NOT_FOUND, "Article 'a-9' was not found."));

        Document missing = page(mvc.perform(get("/articles/a-9").with(drRao())).andExpect(status().isNotFound()));

        assertThat(missing.select("h1").text()).isEqualTo("Not found");
        assertThat(missing.select("main p").first().text()).isEqualTo("Article 'a-9' was not found.");
    }

    @Test
    void aFailingPlatformIsABadGatewayPageEvenWithoutAProblemDocument() throws Exception {
        // what a proxy in front of the gateway may answer: a status and a page of its own
        platform.expect(HttpMethod.GET, "/api/v1/feedback/reports?status=NEW&size=50")
                .andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE)
                        .contentType(MediaType.TEXT_HTML)
                        .body("<html><body>Service Unavailable</body></html>"));

        Document failed = page(mvc.perform(get("/reports").with(drRao())).andExpect(status().isBadGateway()));

        assertThat(failed.select("h1").text()).isEqualTo("Something went wrong");
        assertThat(failed.select("main p").first().text()).isEqualTo("Service Unavailable");
    }
}
