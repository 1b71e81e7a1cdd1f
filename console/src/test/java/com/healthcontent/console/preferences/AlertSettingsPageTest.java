package com.healthcontent.console.preferences;

import static com.healthcontent.console.Pages.followRedirect;
import static com.healthcontent.console.Pages.page;
import static com.healthcontent.console.Platform.problem;
import static com.healthcontent.console.signin.SignedIn.drRao;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.healthcontent.console.ConsolePageTest;
import com.healthcontent.console.Platform;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Alert settings: e-mail, webhook, quiet hours in one's time zone, the daily digest; a mistake named, nothing lost. */
@ConsolePageTest
class AlertSettingsPageTest {

    static final String SAVED = """
            {"username": "dr.rao", "email": "dr.rao@example.org", "webhookUrl": null, "webhookSecret": null,
             "dailyDigest": true, "timeZone": "Europe/London", "quietFrom": "22:00", "quietUntil": "07:00:30",
             "digestAt": "08:00"}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    Platform platform;

    @Test
    void theFormShowsTheSettingsThePlatformKeeps() throws Exception {
        platform.answers("/api/v1/me/alert-preferences", SAVED);

        Document settings = page(mvc.perform(get("/preferences").with(drRao())).andExpect(status().isOk()));

        assertThat(settings.select("#email").val()).isEqualTo("dr.rao@example.org");
        assertThat(settings.select("#webhookUrl").val()).isEmpty();
        assertThat(settings.select("#timeZone").val()).isEqualTo("Europe/London");
        assertThat(settings.select("#quietFrom").val()).isEqualTo("22:00");
        assertThat(settings.select("#quietUntil").val())
                .as("a time field shows hours and minutes")
                .isEqualTo("07:00");
        assertThat(settings.select("#dailyDigest").hasAttr("checked")).isTrue();
        assertThat(settings.select("#digestAt").val()).isEqualTo("08:00");
        for (Element control : settings.select("form.settings input:not([type=hidden])")) {
            assertThat(settings.select("label[for=" + control.id() + "]"))
                    .as("the label of %s", control.id())
                    .isNotEmpty();
        }
    }

    @Test
    void savingSendsEverySettingAndThePageSaysSaved() throws Exception {
        platform.expect(HttpMethod.PUT, "/api/v1/me/alert-preferences")
                .andExpect(content().json("""
                        {"email": "dr.rao@example.org", "webhookUrl": null, "timeZone": "Europe/London",
                         "quietFrom": "22:00", "quietUntil": "07:00", "digestAt": "08:00", "dailyDigest": false}
                        """, JsonCompareMode.STRICT))
                .andRespond(withSuccess(SAVED, MediaType.APPLICATION_JSON));
        platform.answers("/api/v1/me/alert-preferences", SAVED);

        ResultActions saved = mvc.perform(theForm("Europe/London").param("webhookUrl", "  "))
                .andExpect(redirectedUrl("/preferences"));

        Document settings =
                page(mvc.perform(followRedirect(saved).with(drRao())).andExpect(status().isOk()));
        assertThat(settings.select(".notice.done[role=status]").text()).isEqualTo("Saved.");
        assertThat(settings.select(".notice.refused")).isEmpty();
    }

    @Test
    void aWrongTimeZoneIsNamedAndTheFormKeepsWhatWasTyped() throws Exception {
        platform.expect(HttpMethod.PUT, "/api/v1/me/alert-preferences")
                .andRespond(problem(
                        HttpStatus.BAD_REQUEST,
                        "The request has invalid fields.",
                        "timeZone",
                        "must be a time zone such as Europe/London"));

        ResultActions refused = mvc.perform(theForm("Mars/Olympus_Mons").param("dailyDigest", "on"))
                .andExpect(redirectedUrl("/preferences"));

        // the form comes back from what was sent, not from the platform's saved settings (nothing else is asked)
        Document settings =
                page(mvc.perform(followRedirect(refused).with(drRao())).andExpect(status().isOk()));
        assertThat(settings.select(".notice.refused[role=alert]").text())
                .isEqualTo("The request has invalid fields. timeZone: must be a time zone such as Europe/London");
        assertThat(settings.select("#timeZone").val()).isEqualTo("Mars/Olympus_Mons");
        assertThat(settings.select("#email").val()).isEqualTo("dr.rao@example.org");
        assertThat(settings.select("#quietFrom").val()).isEqualTo("22:00");
        assertThat(settings.select("#quietUntil").val()).isEqualTo("07:00");
        assertThat(settings.select("#dailyDigest").hasAttr("checked")).isTrue();
    }

    private static MockHttpServletRequestBuilder theForm(String timeZone) {
        return post("/preferences")
                .with(drRao())
                .with(csrf())
                .param("email", "dr.rao@example.org")
                .param("timeZone", timeZone)
                .param("quietFrom", "22:00")
                .param("quietUntil", "07:00")
                .param("digestAt", "08:00");
    }
}
