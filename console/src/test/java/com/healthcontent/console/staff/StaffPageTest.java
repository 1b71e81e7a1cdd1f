package com.healthcontent.console.staff;

import static com.healthcontent.console.Pages.followRedirect;
import static com.healthcontent.console.Pages.page;
import static com.healthcontent.console.Platform.problem;
import static com.healthcontent.console.signin.SignedIn.drRao;
import static com.healthcontent.console.signin.SignedIn.opsAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.healthcontent.console.ConsolePageTest;
import com.healthcontent.console.Platform;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The staff page, for administrators alone: every account with its roles and status, inviting someone (the one-time
 * link shown once, to pass on), changing roles, disabling and enabling, password reset links, removing someone's
 * passkeys, and which roles must sign in with a passkey; refusals in words.
 */
@ConsolePageTest
class StaffPageTest {

    static final String ACCOUNTS = """
            [%s, %s, %s,
             {"username": "dr.new", "name": "Dr. Nia Ewe", "credentials": "MBBS",
              "roles": ["EDITOR", "MEDICAL_REVIEWER"], "enabled": true, "hasPassword": false}]
            """.formatted(
                    account("ops.admin", "Ops Admin", true, "ADMIN"),
                    account("dr.rao", "Dr. Priya Rao", true, "MEDICAL_REVIEWER"),
                    account("dr.kim", "Dr. Min-jun Kim", false, "MEDICAL_REVIEWER"));

    /** The passkey setting of a new installation: nobody has changed it, no role needs a passkey. */
    static final String NO_PASSKEYS_REQUIRED = """
            {"rolesRequiringPasskey": [], "changedBy": null, "changedAt": null}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    Platform platform;

    @Test
    void anAdministratorFindsTheStaffPageInTheNavigationWithEveryAccount() throws Exception {
        platform.answers("/api/v1/staff/accounts", ACCOUNTS);
        platform.answers("/api/v1/staff/passkey-policy", NO_PASSKEYS_REQUIRED);

        Document staff = page(mvc.perform(get("/staff").with(opsAdmin())).andExpect(status().isOk()));

        assertThat(staff.select("header nav a[href=/staff]").text()).isEqualTo("Staff");
        assertThat(staff.select("#accounts thead th").eachText())
                .containsExactly("Name", "Username", "Credentials", "Roles", "Status", "Change");
        assertThat(staff.select("#accounts tbody tr").eachAttr("data-username"))
                .containsExactly("ops.admin", "dr.rao", "dr.kim", "dr.new");
        Element invited = row(staff, "dr.new");
        assertThat(invited.select("td[data-label]").eachText())
                .containsExactly(
                        "Dr. Nia Ewe", "dr.new", "MBBS", "Editor, Medical reviewer", "Enabled no password yet");
        assertThat(invited.select("input[name=roles][checked]").eachAttr("value"))
                .containsExactly("EDITOR", "MEDICAL_REVIEWER");
        Element rao = row(staff, "dr.rao");
        assertThat(rao.select("td[data-label=Status]").text()).isEqualTo("Enabled");
        assertThat(rao.select("form").eachAttr("action"))
                .containsExactly(
                        "/staff/dr.rao/roles",
                        "/staff/dr.rao/disable",
                        "/staff/dr.rao/password-reset",
                        "/staff/dr.rao/remove-passkeys");
        assertThat(rao.select("button").eachText())
                .containsExactly(
                        "Change roles of Dr. Priya Rao",
                        "Disable Dr. Priya Rao",
                        "Send password reset link for Dr. Priya Rao",
                        "Remove passkeys of Dr. Priya Rao");
        assertThat(rao.select("button .visually-hidden").eachText())
                .as("what a screen reader adds to each button")
                .containsExactly("of Dr. Priya Rao", "Dr. Priya Rao", "for Dr. Priya Rao", "of Dr. Priya Rao");
        assertThat(rao.select("form[action=/staff/dr.rao/remove-passkeys] input[name=name]")
                        .val())
                .isEqualTo("Dr. Priya Rao");
        Element kim = row(staff, "dr.kim");
        assertThat(kim.select("td[data-label=Status]").text()).isEqualTo("Disabled");
        assertThat(kim.select("form").eachAttr("action")).contains("/staff/dr.kim/enable");
        assertThat(staff.select("form.invite").attr("action")).isEqualTo("/staff");
        assertThat(staff.select("form.invite input[name=roles]").eachAttr("value"))
                .containsExactly("AUTHOR", "EDITOR", "MEDICAL_REVIEWER", "ADMIN");
        assertThat(staff.select(".one-time-link")).as("no link to pass on").isEmpty();
        Element passkeys = staff.selectFirst("section#passkeys");
        assertThat(passkeys.select("input[name=roles][checked]"))
                .as("no role needs a passkey yet")
                .isEmpty();
        assertThat(passkeys.select(".meta").text()).isEqualTo("Never changed: a password is enough for every role.");
        for (Element control : staff.select("main input:not([type=hidden])")) {
            assertThat(staff.select("label[for=\"" + control.id() + "\"]"))
                    .as("the label of %s", control.id())
                    .hasSize(1);
        }
        assertThat(staff.select("form[method=post]"))
                .allSatisfy(form -> assertThat(
                                form.select("input[type=hidden][name=_csrf]").val())
                        .isNotBlank());
    }

    @Test
    void someoneWhoIsNotAnAdministratorHasNoStaffLinkAndIsNotAllowedInWithoutThePlatformBeingAsked() throws Exception {
        platform.answers("/api/v1/me/alert-preferences", """
                {"email": null, "webhookUrl": null, "dailyDigest": false, "timeZone": "UTC",
                 "quietFrom": null, "quietUntil": null, "digestAt": "08:00"}
                """);

        Document preferences =
                page(mvc.perform(get("/preferences").with(drRao())).andExpect(status().isOk()));
        assertThat(preferences.select("header nav a").eachText()).doesNotContain("Staff");

        for (String path : new String[] {"/staff", "/staff/audit"}) {
            Document refused = page(mvc.perform(get(path).with(drRao())).andExpect(status().isForbidden()));
            assertThat(refused.select("h1").text()).as(path).isEqualTo("Not allowed");
            assertThat(refused.select("main p").first().text())
                    .isEqualTo("Staff administration is for administrators.");
        }
        mvc.perform(post("/staff/dr.kim/enable").with(drRao()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/staff").with(drRao()).with(csrf()).param("username", "dr.rao2"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/dr.kim/remove-passkeys").with(drRao()).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/passkey-policy").with(drRao()).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void invitingSendsThePersonAndShowsTheirOneTimeLinkOnce() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/staff/accounts")
                .andExpect(content().json("""
                        {"username": "dr.new", "name": "Dr. Nia Ewe", "credentials": "MBBS",
                         "email": "nia@example.org", "roles": ["MEDICAL_REVIEWER", "EDITOR"]}
                        """, JsonCompareMode.STRICT))
                .andRespond(withStatus(HttpStatus.CREATED)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("""
                                {"account": {"username": "dr.new", "name": "Dr. Nia Ewe", "credentials": "MBBS",
                                             "roles": ["EDITOR", "MEDICAL_REVIEWER"], "enabled": true,
                                             "hasPassword": false},
                                 "invitation": {"url": "http://localhost:9000/invitations/Zm9vYmFy",
                                                "expiresAt": "2026-12-06T09:15:00Z"}}
                                """));
        // the page after the invitation, and the same page again
        platform.answers("/api/v1/staff/accounts", ACCOUNTS);
        platform.answers("/api/v1/staff/passkey-policy", NO_PASSKEYS_REQUIRED);
        platform.answers("/api/v1/staff/accounts", ACCOUNTS);
        platform.answers("/api/v1/staff/passkey-policy", NO_PASSKEYS_REQUIRED);

        ResultActions invited = mvc.perform(post("/staff")
                        .with(opsAdmin())
                        .with(csrf())
                        .param("username", " dr.new ")
                        .param("name", "Dr. Nia Ewe")
                        .param("credentials", "MBBS")
                        .param("email", " nia@example.org ")
                        .param("roles", "MEDICAL_REVIEWER", "EDITOR"))
                .andExpect(redirectedUrl("/staff"));

        Document staff =
                page(mvc.perform(followRedirect(invited).with(opsAdmin())).andExpect(status().isOk()));
        assertThat(staff.select(".notice.done[role=status]").text())
                .isEqualTo("Dr. Nia Ewe (dr.new) is invited: on the link below, also sent to them by e-mail, they"
                        + " choose their password, then sign in.");
        Element link = staff.selectFirst("section.one-time-link");
        assertThat(link.select("h2").text()).isEqualTo("Invitation link for Dr. Nia Ewe (dr.new)");
        assertThat(link.select("label[for=one-time-link]").text()).isEqualTo("One-time link");
        assertThat(link.select("textarea#one-time-link[readonly]").val())
                .isEqualTo("http://localhost:9000/invitations/Zm9vYmFy");
        assertThat(link.select("time").attr("datetime")).isEqualTo("2026-12-06T09:15:00Z");
        assertThat(link.text()).contains("Shown only this once.").contains("Valid until 6 December 2026, 09:15 UTC.");
        assertThat(staff.select("#username").val())
                .as("the form is ready for the next person")
                .isEmpty();

        MockHttpSession session =
                (MockHttpSession) invited.andReturn().getRequest().getSession();
        Document again = page(
                mvc.perform(get("/staff").session(session).with(opsAdmin())).andExpect(status().isOk()));
        assertThat(again.select(".one-time-link")).as("shown once").isEmpty();
    }

    @Test
    void aTakenUsernameIsNamedAndTheInvitationFormKeepsWhatWasTyped() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/staff/accounts")
                .andExpect(content().json("""
                        {"username": "dr.rao", "name": "Priya Rao", "credentials": null, "email": "priya@example.org",
                         "roles": ["AUTHOR"]}
                        """, JsonCompareMode.STRICT))
                .andRespond(problem(
                        HttpStatus.CONFLICT,
                        "the username dr.rao is taken",
                        "username",
                        "the username dr.rao is taken"));
        platform.answers("/api/v1/staff/accounts", ACCOUNTS);
        platform.answers("/api/v1/staff/passkey-policy", NO_PASSKEYS_REQUIRED);

        ResultActions refused = mvc.perform(post("/staff")
                        .with(opsAdmin())
                        .with(csrf())
                        .param("username", "dr.rao")
                        .param("name", "Priya Rao")
                        .param("credentials", "  ")
                        .param("email", "priya@example.org")
                        .param("roles", "AUTHOR"))
                .andExpect(redirectedUrl("/staff"));

        Document staff =
                page(mvc.perform(followRedirect(refused).with(opsAdmin())).andExpect(status().isOk()));
        assertThat(staff.select(".notice.refused[role=alert]").text())
                .isEqualTo("username: the username dr.rao is taken");
        assertThat(staff.select("#username").val()).isEqualTo("dr.rao");
        assertThat(staff.select("#name").val()).isEqualTo("Priya Rao");
        assertThat(staff.select("#credentials").val()).isEmpty();
        assertThat(staff.select("#email").val()).isEqualTo("priya@example.org");
        assertThat(staff.select("form.invite input[name=roles][checked]").eachAttr("value"))
                .containsExactly("AUTHOR");
        assertThat(staff.select(".one-time-link")).isEmpty();
    }

    @Test
    void changingRolesSendsTheCheckedOnes() throws Exception {
        platform.expect(HttpMethod.PUT, "/api/v1/staff/accounts/dr.rao/roles")
                .andExpect(content().json("""
                        {"roles": ["MEDICAL_REVIEWER", "EDITOR"]}
                        """, JsonCompareMode.STRICT))
                .andRespond(withSuccess(
                        account("dr.rao", "Dr. Priya Rao", true, "EDITOR", "MEDICAL_REVIEWER"),
                        MediaType.APPLICATION_JSON));

        mvc.perform(post("/staff/dr.rao/roles")
                        .with(opsAdmin())
                        .with(csrf())
                        .param("roles", "MEDICAL_REVIEWER", "EDITOR"))
                .andExpect(redirectedUrl("/staff"))
                .andExpect(flash().attribute(
                                "done", "The roles of Dr. Priya Rao (dr.rao) are now: Editor, Medical reviewer."));
    }

    @Test
    void disablingAndEnablingSomeone() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/staff/accounts/dr.kim/disablement")
                .andRespond(withSuccess(
                        account("dr.kim", "Dr. Min-jun Kim", false, "MEDICAL_REVIEWER"), MediaType.APPLICATION_JSON));
        platform.expect(HttpMethod.DELETE, "/api/v1/staff/accounts/dr.kim/disablement")
                .andExpect(content().string(""))
                .andRespond(withSuccess(
                        account("dr.kim", "Dr. Min-jun Kim", true, "MEDICAL_REVIEWER"), MediaType.APPLICATION_JSON));

        mvc.perform(post("/staff/dr.kim/disable").with(opsAdmin()).with(csrf()))
                .andExpect(redirectedUrl("/staff"))
                .andExpect(flash().attribute(
                                "done",
                                "Dr. Min-jun Kim (dr.kim) is disabled: they cannot sign in, and their sign-in sessions"
                                        + " have ended (an access token already issued lasts until it expires)."));
        mvc.perform(post("/staff/dr.kim/enable").with(opsAdmin()).with(csrf()))
                .andExpect(redirectedUrl("/staff"))
                .andExpect(flash().attribute("done", "Dr. Min-jun Kim (dr.kim) can sign in again."));
    }

    @Test
    void aPasswordResetLinkIsShownOnceToPassOn() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/staff/accounts/dr.rao/password-reset")
                .andRespond(withSuccess("""
                        {"url": "http://localhost:9000/invitations/cmVzZXQ", "expiresAt": "2026-12-06T10:00:00Z"}
                        """, MediaType.APPLICATION_JSON));
        platform.answers("/api/v1/staff/accounts", ACCOUNTS);
        platform.answers("/api/v1/staff/passkey-policy", NO_PASSKEYS_REQUIRED);

        ResultActions reset = mvc.perform(
                        post("/staff/dr.rao/password-reset").with(opsAdmin()).with(csrf()))
                .andExpect(redirectedUrl("/staff"));

        Document staff =
                page(mvc.perform(followRedirect(reset).with(opsAdmin())).andExpect(status().isOk()));
        assertThat(staff.select(".notice.done").text())
                .isEqualTo("dr.rao chooses a new password on the link below; their current one works until then.");
        assertThat(staff.select(".one-time-link h2").text()).isEqualTo("Password reset link for dr.rao");
        assertThat(staff.select("#one-time-link").val()).isEqualTo("http://localhost:9000/invitations/cmVzZXQ");
        assertThat(staff.select(".one-time-link time").text()).isEqualTo("6 December 2026, 10:00 UTC");
    }

    @Test
    void disablingTheLastAdministratorIsRefusedAndThePageSaysWhy() throws Exception {
        platform.expect(HttpMethod.POST, "/api/v1/staff/accounts/ops.admin/disablement")
                .andRespond(problem(
                        HttpStatus.CONFLICT, "ops.admin is the last administrator: make someone else one first"));
        platform.answers("/api/v1/staff/accounts", ACCOUNTS);
        platform.answers("/api/v1/staff/passkey-policy", NO_PASSKEYS_REQUIRED);

        ResultActions refused = mvc.perform(
                        post("/staff/ops.admin/disable").with(opsAdmin()).with(csrf()))
                .andExpect(redirectedUrl("/staff"));

        Document staff =
                page(mvc.perform(followRedirect(refused).with(opsAdmin())).andExpect(status().isOk()));
        assertThat(staff.select(".notice.refused[role=alert]").text())
                .isEqualTo("ops.admin is the last administrator: make someone else one first");
        assertThat(staff.select(".notice.done")).isEmpty();
    }

    @Test
    void thePasskeysPanelSaysWhichRolesMustSignInWithOneAndWhoChangedThatWhen() throws Exception {
        platform.answers("/api/v1/staff/accounts", ACCOUNTS);
        platform.answers("/api/v1/staff/passkey-policy", """
                {"rolesRequiringPasskey": ["EDITOR", "MEDICAL_REVIEWER"], "changedBy": "ops.admin",
                 "changedAt": "2026-12-03T20:00:00Z"}
                """);

        Document staff = page(mvc.perform(get("/staff").with(opsAdmin())).andExpect(status().isOk()));

        Element passkeys = staff.selectFirst("section#passkeys");
        assertThat(passkeys.select("h2").text()).isEqualTo("Passkeys");
        assertThat(passkeys.text())
                .contains("screen lock")
                .contains("counts as two factors")
                .contains("when they sign in with their password, they are asked to add a passkey, or to use the"
                        + " one they have, before they get into the console.");
        assertThat(passkeys.select("a[href=\"http://localhost:9000/account/passkeys\"]")
                        .text())
                .isEqualTo("their passkeys page");
        assertThat(passkeys.select("form[method=post]").attr("action")).isEqualTo("/staff/passkey-policy");
        assertThat(passkeys.select("legend").text()).isEqualTo("Roles that must sign in with a passkey");
        assertThat(passkeys.select("input[type=checkbox][name=roles]").eachAttr("value"))
                .containsExactly("AUTHOR", "EDITOR", "MEDICAL_REVIEWER", "ADMIN");
        assertThat(passkeys.select("input[name=roles][checked]").eachAttr("value"))
                .containsExactly("EDITOR", "MEDICAL_REVIEWER");
        assertThat(passkeys.select("label[for=passkey-MEDICAL_REVIEWER]").text())
                .isEqualTo("Medical reviewer");
        assertThat(passkeys.select(".meta").text())
                .isEqualTo("Last changed by ops.admin on 3 December 2026, 20:00 UTC.");
        assertThat(passkeys.select(".meta time").attr("datetime")).isEqualTo("2026-12-03T20:00:00Z");
    }

    @Test
    void savingTheRolesThatNeedAPasskeySendsTheCheckedOnesAndNoneMeansNone() throws Exception {
        platform.expect(HttpMethod.PUT, "/api/v1/staff/passkey-policy")
                .andExpect(content().json("""
                        {"rolesRequiringPasskey": ["MEDICAL_REVIEWER", "ADMIN"]}
                        """, JsonCompareMode.STRICT))
                .andRespond(withSuccess("""
                        {"rolesRequiringPasskey": ["ADMIN", "MEDICAL_REVIEWER"], "changedBy": "ops.admin",
                         "changedAt": "2026-12-03T20:00:00Z"}
                        """, MediaType.APPLICATION_JSON));
        platform.expect(HttpMethod.PUT, "/api/v1/staff/passkey-policy")
                .andExpect(content().json("""
                        {"rolesRequiringPasskey": []}
                        """, JsonCompareMode.STRICT))
                .andRespond(withSuccess("""
                        {"rolesRequiringPasskey": [], "changedBy": "ops.admin", "changedAt": "2026-12-03T20:05:00Z"}
                        """, MediaType.APPLICATION_JSON));

        mvc.perform(post("/staff/passkey-policy")
                        .with(opsAdmin())
                        .with(csrf())
                        .param("roles", "MEDICAL_REVIEWER", "ADMIN"))
                .andExpect(redirectedUrl("/staff"))
                .andExpect(flash().attribute(
                                "done", "These roles now sign in with a passkey: Administrator, Medical reviewer."));
        mvc.perform(post("/staff/passkey-policy").with(opsAdmin()).with(csrf()))
                .andExpect(redirectedUrl("/staff"))
                .andExpect(flash().attribute(
                                "done",
                                "No role needs a passkey now: everyone can sign in with their password alone."));
    }

    @Test
    void aRoleThePlatformDoesNotKnowIsRefusedAndThePageSaysWhich() throws Exception {
        platform.expect(HttpMethod.PUT, "/api/v1/staff/passkey-policy")
                .andExpect(content().json("""
                        {"rolesRequiringPasskey": ["EDITOR", "NURSE"]}
                        """, JsonCompareMode.STRICT))
                .andRespond(problem(
                        HttpStatus.BAD_REQUEST,
                        "no role NURSE; roles are [ADMIN, AUTHOR, EDITOR, MEDICAL_REVIEWER]",
                        "rolesRequiringPasskey[1]",
                        "no role NURSE; roles are [ADMIN, AUTHOR, EDITOR, MEDICAL_REVIEWER]"));
        platform.answers("/api/v1/staff/accounts", ACCOUNTS);
        platform.answers("/api/v1/staff/passkey-policy", NO_PASSKEYS_REQUIRED);

        ResultActions refused = mvc.perform(post("/staff/passkey-policy")
                        .with(opsAdmin())
                        .with(csrf())
                        .param("roles", "EDITOR", "NURSE"))
                .andExpect(redirectedUrl("/staff"));

        Document staff =
                page(mvc.perform(followRedirect(refused).with(opsAdmin())).andExpect(status().isOk()));
        assertThat(staff.select(".notice.refused[role=alert]").text())
                .isEqualTo("rolesRequiringPasskey[1]: no role NURSE; roles are [ADMIN, AUTHOR, EDITOR,"
                        + " MEDICAL_REVIEWER]");
        assertThat(staff.select(".notice.done")).isEmpty();
        assertThat(staff.select("#passkeys input[name=roles][checked]"))
                .as("the setting as the platform keeps it")
                .isEmpty();
    }

    @Test
    void removingThePasskeysOfSomeoneWhoLostTheirDeviceSaysHowManyWentAndWhatTheyDoNext() throws Exception {
        platform.expect(HttpMethod.DELETE, "/api/v1/staff/accounts/dr.rao/passkeys")
                .andExpect(content().string(""))
                .andRespond(withSuccess("""
                        {"removed": 2}
                        """, MediaType.APPLICATION_JSON));
        platform.expect(HttpMethod.DELETE, "/api/v1/staff/accounts/dr.kim/passkeys")
                .andRespond(withSuccess("""
                        {"removed": 1}
                        """, MediaType.APPLICATION_JSON));
        platform.expect(HttpMethod.DELETE, "/api/v1/staff/accounts/dr.new/passkeys")
                .andRespond(withSuccess("""
                        {"removed": 0}
                        """, MediaType.APPLICATION_JSON));
        platform.expect(HttpMethod.DELETE, "/api/v1/staff/accounts/dr.gone/passkeys")
                .andRespond(problem(HttpStatus.NOT_FOUND, "No staff account dr.gone"));
        platform.answers("/api/v1/staff/accounts", ACCOUNTS);
        platform.answers("/api/v1/staff/passkey-policy", NO_PASSKEYS_REQUIRED);

        ResultActions removed = mvc.perform(post("/staff/dr.rao/remove-passkeys")
                        .with(opsAdmin())
                        .with(csrf())
                        .param("name", "Dr. Priya Rao"))
                .andExpect(redirectedUrl("/staff"));

        Document staff =
                page(mvc.perform(followRedirect(removed).with(opsAdmin())).andExpect(status().isOk()));
        assertThat(staff.select(".notice.done[role=status]").text())
                .isEqualTo("2 passkeys of Dr. Priya Rao (dr.rao) removed: they sign in with their password and add"
                        + " a new one.");
        mvc.perform(post("/staff/dr.kim/remove-passkeys")
                        .with(opsAdmin())
                        .with(csrf())
                        .param("name", "Dr. Min-jun Kim"))
                .andExpect(flash().attribute(
                                "done",
                                "1 passkey of Dr. Min-jun Kim (dr.kim) removed: they sign in with their password and"
                                        + " add a new one."));
        mvc.perform(post("/staff/dr.new/remove-passkeys")
                        .with(opsAdmin())
                        .with(csrf())
                        .param("name", "Dr. Nia Ewe"))
                .andExpect(flash().attribute("done", "Dr. Nia Ewe (dr.new) had no passkeys: nothing was removed."));
        mvc.perform(post("/staff/dr.gone/remove-passkeys").with(opsAdmin()).with(csrf()))
                .andExpect(redirectedUrl("/staff"))
                .andExpect(flash().attribute("refused", "No staff account dr.gone"));
    }

    private static Element row(Document staff, String username) {
        return staff.selectFirst("#accounts tr[data-username=\"" + username + "\"]");
    }

    /** An account as GET /api/v1/staff/accounts lists it. */
    static String account(String username, String name, boolean enabled, String... roles) {
        return """
                {"username": "%s", "name": "%s", "credentials": null, "roles": [%s], "enabled": %s,
                 "hasPassword": true}
                """.formatted(
                        username,
                        name,
                        Arrays.stream(roles).map(role -> "\"" + role + "\"").collect(Collectors.joining(", ")),
                        enabled);
    }
}
