package com.healthcontent.feedback.abuse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Readers' comments are stored with personal data masked (e-mail addresses, phone numbers), so no reviewer ever
 * sees it, and flagged when they look like spam (many links) or carried personal data.
 */
@Component
public class CommentScreening {

    public enum Flag {
        LINKS,
        PERSONAL_DATA
    }

    public record Screened(String text, List<Flag> flags) {}

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w])\\+?\\d[\\d ()./-]{7,}\\d(?![\\w])");
    private static final Pattern LINK = Pattern.compile("(?i)\\b(https?://|www\\.)\\S+");

    private final int maxLinks;

    CommentScreening(AbuseProperties properties) {
        this.maxLinks = properties.maxLinks();
    }

    public Screened screen(String comment) {
        if (comment == null) {
            return new Screened(null, List.of());
        }
        List<Flag> flags = new ArrayList<>();
        int links = 0;
        Matcher link = LINK.matcher(comment);
        while (link.find()) {
            links++;
        }
        if (links > maxLinks) {
            flags.add(Flag.LINKS);
        }
        String masked = EMAIL.matcher(comment).replaceAll("[e-mail removed]");
        masked = PHONE.matcher(masked).replaceAll("[phone number removed]");
        if (!masked.equals(comment)) {
            flags.add(Flag.PERSONAL_DATA);
        }
        return new Screened(masked, flags);
    }
}
