package com.healthcontent.readersite.feedback;

import com.healthcontent.readersite.platform.PublicApi;
import com.healthcontent.readersite.platform.RequestRefused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * "Was this helpful?" as readers answer it: Yes or No, then after a No what was wrong, the same two steps as the
 * feedback API (the details attach to the vote). A plain form post is answered with a redirect back to the page at
 * the next step (303: the browser then GETs it, and a reload does not post again); the page's script posts the same
 * form and gets the panel's next step as a fragment, so nothing reloads.
 */
@Controller
class FeedbackController {

    static final String BY_SCRIPT = "fetch";
    static final String DETAILS = "/feedback/details";

    private final PublicApi api;

    FeedbackController(PublicApi api) {
        this.api = api;
    }

    /** The question ({@code /feedback}: Yes or No) and, after a No, what was wrong ({@code /feedback/details}). */
    @PostMapping({"/feedback", DETAILS})
    Object answer(
            @RequestParam Map<String, String> fields,
            @RequestHeader(name = "X-Requested-With", required = false) String requestedWith,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return answer(
                fields,
                DETAILS.equals(request.getRequestURI()),
                BY_SCRIPT.equals(requestedWith),
                request,
                response,
                model);
    }

    private Object answer(
            Map<String, String> fields,
            boolean details,
            boolean byScript,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        FeedbackForm form;
        try {
            form = FeedbackForm.of(fields, details);
        } catch (IllegalArgumentException wrong) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            FeedbackPanel panel = new FeedbackPanel(
                            fields.getOrDefault("targetType", "ARTICLE"),
                            fields.getOrDefault("targetId", ""),
                            fields.getOrDefault("page", "/"),
                            details ? FeedbackPanel.Step.DETAILS : FeedbackPanel.Step.VOTE,
                            "page",
                            null,
                            null,
                            null)
                    .refused(wrong.getMessage(), fields);
            model.addAttribute("feedback", panel);
            return byScript ? "fragments :: feedback-panel" : "feedback-refused";
        }
        FeedbackPanel panel =
                FeedbackPanel.of(form.targetType(), form.targetId(), form.page(), null, noun(form.page()));
        try {
            api.postForReader("/api/v1/feedback", form.request(), request);
        } catch (RequestRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute(
                    "feedback",
                    panel.at(details ? FeedbackPanel.Step.DETAILS : FeedbackPanel.Step.VOTE)
                            .refused(whatToChange(refused), fields));
            return byScript ? "fragments :: feedback-panel" : "feedback-refused";
        }
        FeedbackPanel.Step next = form.helpful()
                ? FeedbackPanel.Step.THANKS
                : details ? FeedbackPanel.Step.THANKS : FeedbackPanel.Step.DETAILS;
        if (byScript) {
            model.addAttribute("feedback", panel.at(next));
            return "fragments :: feedback-panel";
        }
        RedirectView back =
                new RedirectView(form.page() + "?feedback=" + next.name().toLowerCase(Locale.ROOT) + "#feedback");
        back.setStatusCode(HttpStatus.SEE_OTHER);
        back.setExposeModelAttributes(false);
        return back;
    }

    /** The API's word on the field the reader wrote (the comment is the only one), else a general one. */
    private static String whatToChange(RequestRefused refused) {
        if ("comment".equals(refused.field()) && refused.reason() != null) {
            return "The comment could not be sent: it " + refused.reason() + ".";
        }
        return "The answer could not be sent as it was: please check it and try again.";
    }

    private static String noun(String page) {
        return page.startsWith("/articles/") ? "article" : page.startsWith("/routines/") ? "routine" : "exercise";
    }
}
