package com.healthcontent.console.staff;

import static com.healthcontent.console.Pages.page;
import static com.healthcontent.console.signin.SignedIn.opsAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.healthcontent.console.ConsolePageTest;
import com.healthcontent.console.Platform;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The staff audit trail, newest first, in words: filtered by the person it is about and by what happened, and read
 * further back a page at a time.
 */
@ConsolePageTest
class AuditTrailPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Platform platform;

    @Test
    void eachEntrySaysWhenWhatWhoAndAboutWhomInWords() throws Exception {
        platform.answers("/api/v1/staff/audit?size=50", """
                {"items": [
                  {"id": "e-7", "at": "2026-12-03T09:15:02.481Z", "type": "LOCKED_OUT", "actor": "system",
                   "subject": "dr.rao", "addressHash": "3f9a0c12d4e5b6a7", "details": {}},
                  {"id": "e-6", "at": "2026-12-03T09:15:01Z", "type": "SIGN_IN_FAILED", "actor": "dr.rao",
                   "subject": "dr.rao", "addressHash": "3f9a0c12d4e5b6a7", "details": {"reason": "password"}},
                  {"id": "e-5", "at": "2026-12-03T08:00:00Z", "type": "SIGN_IN_FAILED", "actor": "dr.kim",
                   "subject": "dr.kim", "addressHash": "77aa01bc99", "details": {"reason": "account"}},
                  {"id": "e-4", "at": "2026-12-02T17:30:00Z", "type": "ROLES_CHANGED", "actor": "ops.admin",
                   "subject": "dr.rao", "addressHash": null, "details": {"roles": "EDITOR,MEDICAL_REVIEWER"}},
                  {"id": "e-3", "at": "2026-12-02T16:00:00Z", "type": "PASSWORD_SET", "actor": "dr.new",
                   "subject": "dr.new", "addressHash": "0b1c2d3e4f", "details": {"by": "one-time link"}},
                  {"id": "e-2", "at": "2026-12-02T15:00:00Z", "type": "INVITED", "actor": "ops.admin",
                   "subject": "dr.new", "addressHash": null, "details": {"roles": "MEDICAL_REVIEWER"}},
                  {"id": "e-1", "at": "2026-12-01T08:00:00Z", "type": "SIGN_IN_SUCCEEDED", "actor": "ops.admin",
                   "subject": "ops.admin", "addressHash": "9e8d7c6b5a", "details": {"method": "password"}}],
                 "next": null}
                """);

        Document audit = page(mvc.perform(get("/staff/audit").with(opsAdmin())).andExpect(status().isOk()));

        assertThat(audit.select("h1").text()).isEqualTo("Audit trail");
        assertThat(audit.select("#entries thead th").eachText())
                .containsExactly("When", "What", "Who did it", "About whom", "Details");
        assertThat(audit.select("#entries tbody tr"))
                .extracting(Element::text)
                .containsExactly(
                        "3 Dec 2026, 09:15:02 UTC Locked out system dr.rao address 3f9a0c12",
                        "3 Dec 2026, 09:15:01 UTC Sign-in failed dr.rao dr.rao wrong password · address 3f9a0c12",
                        "3 Dec 2026, 08:00:00 UTC Refused: account disabled dr.kim dr.kim address 77aa01bc",
                        "2 Dec 2026, 17:30:00 UTC Roles changed ops.admin dr.rao roles: Editor, Medical reviewer",
                        "2 Dec 2026, 16:00:00 UTC Password set dr.new dr.new by one-time link · address 0b1c2d3e",
                        "2 Dec 2026, 15:00:00 UTC Invited ops.admin dr.new roles: Medical reviewer",
                        "1 Dec 2026, 08:00:00 UTC Signed in ops.admin ops.admin with password · address 9e8d7c6b");
        assertThat(audit.select("#entries time").first().attr("datetime")).isEqualTo("2026-12-03T09:15:02.481Z");
        assertThat(audit.select("select#type option").eachText())
                .containsExactly(
                        "Anything",
                        "Signed in",
                        "Sign-in failed",
                        "Sign-in held back after failures",
                        "Locked out",
                        "Invited",
                        "Roles changed",
                        "Disabled",
                        "Enabled again",
                        "Password reset link sent",
                        "Password set",
                        "Passkey added",
                        "Passkey removed",
                        "Passkeys removed by an administrator",
                        "Roles needing a passkey changed");
        assertThat(audit.select("select#type option[selected]")).isEmpty();
        assertThat(audit.select("a[rel=next]"))
                .as("the oldest entry is on this page")
                .isEmpty();
        for (Element control : audit.select("form.filters input, form.filters select")) {
            assertThat(audit.select("label[for=" + control.id() + "]"))
                    .as("the label of %s", control.id())
                    .hasSize(1);
        }
    }

    @Test
    void passkeysInTheTrailInWords() throws Exception {
        platform.answers("/api/v1/staff/audit?size=50", """
                {"items": [
                  {"id": "p-8", "at": "2026-12-03T20:10:00Z", "type": "PASSKEY_POLICY_CHANGED",
                   "actor": "ops.admin", "subject": null, "addressHash": null, "details": {"roles": ""}},
                  {"id": "p-7", "at": "2026-12-03T20:00:00Z", "type": "PASSKEY_POLICY_CHANGED",
                   "actor": "ops.admin", "subject": null, "addressHash": null,
                   "details": {"roles": "EDITOR,MEDICAL_REVIEWER"}},
                  {"id": "p-6", "at": "2026-12-03T19:00:00Z", "type": "PASSKEYS_REMOVED", "actor": "ops.admin",
                   "subject": "dr.rao", "addressHash": null, "details": {"count": "2"}},
                  {"id": "p-5", "at": "2026-12-03T18:00:00Z", "type": "PASSKEY_REMOVED", "actor": "dr.rao",
                   "subject": "dr.rao", "addressHash": null, "details": {"label": "Old phone"}},
                  {"id": "p-4", "at": "2026-12-03T17:00:00Z", "type": "SIGN_IN_FAILED", "actor": "dr.kim",
                   "subject": "dr.kim", "addressHash": "77aa01bc99",
                   "details": {"method": "passkey", "reason": "account"}},
                  {"id": "p-3", "at": "2026-12-03T16:00:00Z", "type": "SIGN_IN_FAILED", "actor": null,
                   "subject": null, "addressHash": "5d4c3b2a19", "details": {"method": "passkey", "reason": "passkey"}},
                  {"id": "p-2", "at": "2026-12-03T15:00:00Z", "type": "SIGN_IN_SUCCEEDED", "actor": "dr.rao",
                   "subject": "dr.rao", "addressHash": "3f9a0c12d4e5b6a7", "details": {"method": "passkey"}},
                  {"id": "p-1", "at": "2026-12-03T14:00:00Z", "type": "PASSKEY_ADDED", "actor": "dr.rao",
                   "subject": "dr.rao", "addressHash": null, "details": {"label": "Work laptop"}}],
                 "next": null}
                """);

        Document audit = page(mvc.perform(get("/staff/audit").with(opsAdmin())).andExpect(status().isOk()));

        assertThat(audit.select("#entries tbody tr"))
                .extracting(Element::text)
                .containsExactly(
                        "3 Dec 2026, 20:10:00 UTC Roles needing a passkey changed ops.admin roles: none",
                        "3 Dec 2026, 20:00:00 UTC Roles needing a passkey changed ops.admin roles: Editor, Medical"
                                + " reviewer",
                        "3 Dec 2026, 19:00:00 UTC Passkeys removed by an administrator ops.admin dr.rao 2 passkeys",
                        "3 Dec 2026, 18:00:00 UTC Passkey removed dr.rao dr.rao named “Old phone”",
                        "3 Dec 2026, 17:00:00 UTC Refused: account disabled dr.kim dr.kim with passkey · address"
                                + " 77aa01bc",
                        "3 Dec 2026, 16:00:00 UTC Sign-in failed with passkey · address 5d4c3b2a",
                        "3 Dec 2026, 15:00:00 UTC Signed in dr.rao dr.rao with passkey · address 3f9a0c12",
                        "3 Dec 2026, 14:00:00 UTC Passkey added dr.rao dr.rao named “Work laptop”");
    }

    @Test
    void theFiltersAndWhereThePageBeganArePassedOnAndOlderEntriesKeepTheFilters() throws Exception {
        platform.answers(
                "/api/v1/staff/audit?type=SIGN_IN_FAILED&subject=dr.rao&before=2026-12-03T09%3A15%3A00Z&size=50", """
                {"items": [
                  {"id": "e-6", "at": "2026-12-03T09:14:01Z", "type": "SIGN_IN_FAILED", "actor": "dr.rao",
                   "subject": "dr.rao", "addressHash": "3f9a0c12d4e5b6a7", "details": {"reason": "password"}}],
                 "next": "2026-12-03T09:14:01Z"}
                """);

        Document audit = page(mvc.perform(get("/staff/audit")
                        .with(opsAdmin())
                        .param("type", "SIGN_IN_FAILED")
                        .param("subject", " dr.rao ")
                        .param("before", "2026-12-03T09:15:00Z"))
                .andExpect(status().isOk()));

        assertThat(audit.select("select#type option[selected]").val()).isEqualTo("SIGN_IN_FAILED");
        assertThat(audit.select("input#subject").val()).isEqualTo("dr.rao");
        assertThat(audit.select("#entries tbody tr")).hasSize(1);
        assertThat(audit.select("a[rel=next]").text()).isEqualTo("Older");
        assertThat(audit.select("a[rel=next]").attr("href"))
                .isEqualTo("/staff/audit?type=SIGN_IN_FAILED&subject=dr.rao&before=2026-12-03T09:14:01Z");
    }

    @Test
    void emptyFiltersAreNotSentAndAFilterThatMatchesNothingSaysSo() throws Exception {
        platform.answers("/api/v1/staff/audit?subject=ana%20author%26co&size=50", """
                {"items": [], "next": null}
                """);

        Document audit = page(mvc.perform(
                        get("/staff/audit").with(opsAdmin()).param("type", "").param("subject", "ana author&co"))
                .andExpect(status().isOk()));

        assertThat(audit.select("#entries")).isEmpty();
        assertThat(audit.select(".empty").text()).isEqualTo("Nothing recorded matches.");
        assertThat(audit.select("input#subject").val()).isEqualTo("ana author&co");
    }
}
