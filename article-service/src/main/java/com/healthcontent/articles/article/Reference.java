package com.healthcontent.articles.article;

import com.healthcontent.servicedefaults.problem.Violations;
import com.healthcontent.servicedefaults.text.SafeText;
import com.healthcontent.servicedefaults.web.WebAddresses;
import java.util.regex.Pattern;

/** A numbered source, cited in the text as {@code [number]}: a peer-reviewed paper with its DOI or PubMed id. */
public record Reference(int number, @SafeText String title, String url, String doi, String pubmedId) {

    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final Pattern PUBMED_ID = Pattern.compile("\\d{1,9}");

    public Reference {
        new Violations()
                .require(number >= 1 && number <= 500, "number", "must be between 1 and 500")
                .require(
                        title != null && !title.isBlank() && title.length() <= 500,
                        "title",
                        "is required, at most 500 characters")
                .require(url == null || WebAddresses.isWeb(url), "url", "must be an http or https URL")
                .require(doi == null || DOI.matcher(doi).matches(), "doi", "must look like 10.1234/abc")
                .require(pubmedId == null || PUBMED_ID.matcher(pubmedId).matches(), "pubmedId", "must be digits")
                .require(
                        url != null || doi != null || pubmedId != null,
                        "url",
                        "a reference needs a URL, a DOI or a PubMed id")
                .throwIfAny();
    }
}
