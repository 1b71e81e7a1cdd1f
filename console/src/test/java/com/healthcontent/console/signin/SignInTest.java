package com.healthcontent.console.signin;

import static com.healthcontent.console.Pages.page;
import static com.healthcontent.console.signin.SignedIn.drRao;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.healthcontent.console.ConsolePageTest;
import com.healthcontent.console.Platform;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Signing in and out as a backend for the frontend: nobody sees a page unsigned, the sign-in goes straight to the
 * authorization server as the public client {@code web} with PKCE, a form without its CSRF token does nothing,
 * signing out ends the sign-in at the authorization server too, and everyone signed in finds their passkeys there.
 */
@ConsolePageTest
class SignInTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Platform platform;

    @Test
    void someoneNotSignedInIsSentToSignInAndThePlatformIsNotAsked() throws Exception {
        for (String page : new String[] {"/", "/articles/a-1", "/reports", "/preferences", "/alerts/stream"}) {
            MvcResult result =
                    mvc.perform(get(page)).andExpect(status().isFound()).andReturn();
            assertThat(result.getResponse().getRedirectedUrl()).as(page).endsWith("/oauth2/authorization/web");
        }
    }

    @Test
    void signingInGoesStraightToTheAuthorizationServerWithPkce() throws Exception {
        MvcResult result = mvc.perform(get("/oauth2/authorization/web"))
                .andExpect(status().isFound())
                .andReturn();

        UriComponents authorize = UriComponentsBuilder.fromUriString(
                        result.getResponse().getRedirectedUrl())
                .build();
        assertThat(authorize.getScheme() + "://" + authorize.getHost() + ":" + authorize.getPort()
                        + authorize.getPath())
                .isEqualTo("http://localhost:9000/oauth2/authorize");
        MultiValueMap<String, String> query = authorize.getQueryParams();
        assertThat(query.toSingleValueMap())
                .containsAllEntriesOf(Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        "web",
                        "code_challenge_method",
                        "S256",
                        "redirect_uri",
                        "http://localhost:8080/console/login/oauth2/code/web"));
        assertThat(query.getFirst("scope")).isIn("openid%20profile", "openid+profile");
        assertThat(query.getFirst("code_challenge")).isNotBlank();
        assertThat(query.getFirst("state")).isNotBlank();
    }

    @Test
    void aFormSentWithoutItsCsrfTokenIsRefusedBeforeItReachesThePlatform() throws Exception {
        // the platform expects nothing: a decision that got through would fail the test on its way out
        mvc.perform(post("/articles/a-1/review").with(drRao()).param("outcome", "APPROVED"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/preferences").with(drRao()).param("timeZone", "Europe/London"))
                .andExpect(status().isForbidden());
    }

    @Test
    void everyFormOnAPageCarriesTheCsrfToken() throws Exception {
        platform.answers("/api/v1/articles/drafts/a-1", """
                {"id": "a-1", "slug": "sciatica", "status": "IN_REVIEW",
                 "content": {"title": "Sciatica: what helps", "summary": "Walk.", "sections": [], "references": []},
                 "author": "ana.author", "medicalReviewers": ["dr.rao"], "awaiting": ["dr.rao"],
                 "liveRevision": null, "history": []}
                """);

        Document article = page(mvc.perform(get("/articles/a-1").with(drRao())).andExpect(status().isOk()));

        assertThat(article.select("form[method=post]"))
                .extracting(form -> form.attr("action"))
                .containsExactly("/logout", "/articles/a-1/review");
        assertThat(article.select("form[method=post]"))
                .allSatisfy(form -> assertThat(
                                form.select("input[type=hidden][name=_csrf]").val())
                        .isNotBlank());
        assertThat(article.select("meta[name=_csrf]").attr("content"))
                .as("for the live alerts' script")
                .isNotBlank();
    }

    @Test
    void signingOutForgetsTheSessionAndEndsTheSignInAtTheAuthorizationServer() throws Exception {
        MockHttpSession session = new MockHttpSession();

        MvcResult result = mvc.perform(
                        post("/logout").session(session).with(drRao()).with(csrf()))
                .andExpect(status().isFound())
                .andReturn();

        assertThat(session.isInvalid())
                .as("the tokens kept in the session are gone with it")
                .isTrue();
        UriComponents logout = UriComponentsBuilder.fromUriString(
                        result.getResponse().getRedirectedUrl())
                .build();
        assertThat(logout.getHost() + ":" + logout.getPort() + logout.getPath())
                .isEqualTo("localhost:9000/connect/logout");
        assertThat(logout.getQueryParams().toSingleValueMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "client_id",
                        "web",
                        "id_token_hint",
                        SignedIn.idTokenOf("dr.rao"),
                        "post_logout_redirect_uri",
                        "http://localhost:8080/console/signed-out"));
    }

    @Test
    void everyoneSignedInFindsTheirPasskeysPageAtTheAuthorizationServerNextToSigningOut() throws Exception {
        platform.answers("/api/v1/me/alert-preferences", """
                {"email": null, "webhookUrl": null, "dailyDigest": false, "timeZone": "UTC",
                 "quietFrom": null, "quietUntil": null, "digestAt": "08:00"}
                """);

        Document preferences =
                page(mvc.perform(get("/preferences").with(drRao())).andExpect(status().isOk()));

        Element passkeys = preferences.selectFirst("header .signout a.passkeys");
        assertThat(passkeys.text()).isEqualTo("Your passkeys");
        assertThat(passkeys.attr("href"))
                .as("the authorization server as the browser reaches it")
                .isEqualTo("http://localhost:9000/account/passkeys");
        assertThat(passkeys.hasClass("button"))
                .as("a 44 px target, like the sign-out button")
                .isTrue();
        assertThat(preferences.select("header .signout button").text()).isEqualTo("Sign out");

        Document signedOut = page(mvc.perform(get("/signed-out")).andExpect(status().isOk()));
        assertThat(signedOut.select("a[href$=/account/passkeys]"))
                .as("nobody signed in")
                .isEmpty();
    }

    @Test
    void theSignedOutPageNeedsNoSignInAndOffersToSignInAgain() throws Exception {
        Document signedOut = page(mvc.perform(get("/signed-out")).andExpect(status().isOk()));

        assertThat(signedOut.select("h1").text()).isEqualTo("You have signed out");
        assertThat(signedOut.select("a.button").text()).isEqualTo("Sign in again");
        assertThat(signedOut.select("form")).as("nobody to sign out").isEmpty();
    }
}
