package com.healthcontent.console;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.UnsupportedEncodingException;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A rendered page read as its reader sees it, and the next page a browser asks for after a form. */
public final class Pages {

    private Pages() {}

    public static Document page(ResultActions rendered) throws UnsupportedEncodingException {
        return Jsoup.parse(rendered.andReturn().getResponse().getContentAsString());
    }

    /**
     * Where a form sent the browser, asked for in the same session: the message the form left for the next page
     * ("You approved ...", what the API refused) travels there, as it does behind the session cookie.
     */
    public static MockHttpServletRequestBuilder followRedirect(ResultActions sent) {
        MvcResult result = sent.andReturn();
        String next = Objects.requireNonNull(result.getResponse().getRedirectedUrl(), "the form led nowhere");
        return get(next).session((MockHttpSession) result.getRequest().getSession());
    }
}
