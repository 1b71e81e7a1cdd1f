package com.healthcontent.editorial.staff;

import com.healthcontent.events.EventType;
import com.healthcontent.events.StaffAccountChanged;
import com.healthcontent.messaging.consumer.EventHandler;
import com.healthcontent.servicedefaults.problem.FieldViolation;
import com.healthcontent.servicedefaults.problem.ServiceUnavailableException;
import com.healthcontent.servicedefaults.problem.UnprocessableContentException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.client.RestClient;

/**
 * The staff directory as this service knows it: a copy of the identity side's profiles, refreshed in the
 * background (conditional GET, so an unchanged directory costs a 304) and kept in MongoDB so that a restart while
 * the authorization server is away still knows everyone. Requests only ever read the copy: a directory outage
 * never fails a write, it only delays a change of staff. Until a first copy exists a lookup is a 503, never a
 * wrong "unknown reviewer".
 */
public class StaffDirectory {

    private static final Logger log = LoggerFactory.getLogger(StaffDirectory.class);

    @Document("staff_directory")
    record Snapshot(@Id String id, List<StaffProfile> members, Instant fetchedAt, String etag) {

        static final String CURRENT = "current";

        Snapshot {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    record Listing(List<StaffProfile> items) {}

    private final MongoTemplate mongoTemplate;
    private final RestClient http;
    private final URI source;
    private final Duration refreshInterval;
    private final Clock clock;
    private volatile Map<String, StaffProfile> byUsername = Map.of();
    private volatile Snapshot current;
    private volatile boolean storedCopyRead;
    private volatile boolean changeAnnounced;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    public StaffDirectory(MongoTemplate mongoTemplate, URI source, Duration refreshInterval, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.source = source;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(Duration.ofSeconds(3));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    public Optional<StaffProfile> find(String username) {
        return Optional.ofNullable(known().get(username));
    }

    /** For showing people: their profile, or their username when the directory does not know them. */
    public StaffProfile profileOf(String username) {
        return username == null ? null : known().getOrDefault(username, StaffProfile.unknown(username));
    }

    /**
     * The profiles of the medical reviewers named in a submission, in the order given. Every name that is not a
     * medical reviewer is named in one 422 ({@code reviewers[1]}), so the client can fix them all at once.
     */
    public List<StaffProfile> medicalReviewers(List<String> usernames) {
        Map<String, StaffProfile> staff = known();
        List<FieldViolation> problems = new ArrayList<>();
        List<StaffProfile> reviewers = new ArrayList<>();
        for (int i = 0; i < usernames.size(); i++) {
            String name = usernames.get(i);
            StaffProfile profile = staff.get(name);
            if (profile == null) {
                problems.add(
                        new FieldViolation("reviewers[" + i + "]", "nobody on the staff is called '" + name + "'"));
            } else if (!profile.isMedicalReviewer()) {
                problems.add(new FieldViolation(
                        "reviewers[" + i + "]", "'" + name + "' (" + profile.name() + ") is not a medical reviewer"));
            } else {
                reviewers.add(profile);
            }
        }
        if (!problems.isEmpty()) {
            throw new UnprocessableContentException(
                    "Only medical reviewers on the staff can review content.", problems);
        }
        return reviewers;
    }

    /** Refreshes when the copy is older than the refresh interval, and keeps trying every tick while there is none. */
    @Scheduled(fixedDelayString = "${platform.staff.check-interval:2s}")
    public void refreshWhenDue() {
        readStoredCopy();
        Snapshot snapshot = current;
        boolean asked = changeAnnounced;
        if (asked
                || snapshot == null
                || !snapshot.fetchedAt().plus(refreshInterval).isAfter(clock.instant())) {
            changeAnnounced = false;
            if (!refresh() && asked) {
                changeAnnounced = true; // the next tick tries again
            }
        }
    }

    /**
     * An administrator changed someone (invited, roles, disabled, enabled): every instance fetches the directory at
     * its next tick (seconds) instead of when its copy is due, so a disabled reviewer is soon no longer assignable.
     * The change itself is not applied from the event: the directory stays the one source, and an event lost or late
     * costs only the wait for the regular refresh.
     */
    @EventHandler(value = EventType.STAFF_ACCOUNT_CHANGED, pipeline = EventHandler.BROADCAST)
    void staffChanged(StaffAccountChanged change) {
        changeAnnounced = true;
    }

    /** Fetches the directory now; false when the identity side could not be reached. */
    public boolean refresh() {
        Snapshot snapshot = current;
        try {
            var response = http.get()
                    .uri(source)
                    .headers(headers -> {
                        if (snapshot != null && snapshot.etag() != null) {
                            headers.setIfNoneMatch(snapshot.etag());
                        }
                    })
                    .retrieve()
                    .toEntity(Listing.class);
            Instant now = clock.instant();
            if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_MODIFIED) && snapshot != null) {
                current = new Snapshot(Snapshot.CURRENT, snapshot.members(), now, snapshot.etag());
                return true;
            }
            Listing listing = response.getBody();
            Snapshot fetched = new Snapshot(
                    Snapshot.CURRENT,
                    listing == null ? List.of() : listing.items(),
                    now,
                    response.getHeaders().getETag());
            if (snapshot == null || !snapshot.members().equals(fetched.members())) {
                log.info("Staff directory: {} people", fetched.members().size());
            }
            use(mongoTemplate.save(fetched));
            return true;
        } catch (RuntimeException unreachable) {
            log.debug("Staff directory not refreshed from {}: {}", source, unreachable.getMessage());
            return false;
        }
    }

    /**
     * The copy kept by an earlier start serves until a fresh one comes. It is read on first use, never while the
     * application context is being built: loading a document publishes mapping events, whose listeners (the public
     * views, which depend on this directory) would then be created in the middle of creating it.
     */
    private void readStoredCopy() {
        if (storedCopyRead) {
            return;
        }
        synchronized (this) {
            if (!storedCopyRead) {
                Snapshot stored = mongoTemplate.findById(Snapshot.CURRENT, Snapshot.class);
                if (stored != null && current == null) {
                    use(stored);
                }
                storedCopyRead = true;
            }
        }
    }

    private Map<String, StaffProfile> known() {
        readStoredCopy();
        if (current == null && !refresh()) {
            throw new ServiceUnavailableException("The staff directory is not available yet; try again shortly.", 5);
        }
        return byUsername;
    }

    /** Runs {@code listener} whenever someone's name, credentials or roles change (e.g. to rebuild public views). */
    public void whenChanged(Runnable listener) {
        changeListeners.add(listener);
    }

    private void use(Snapshot snapshot) {
        boolean changed = current != null && !current.members().equals(snapshot.members());
        byUsername = snapshot.members().stream()
                .collect(Collectors.toUnmodifiableMap(StaffProfile::username, Function.identity(), (a, b) -> b));
        current = snapshot;
        if (changed) {
            changeListeners.forEach(Runnable::run);
        }
    }
}
