package com.healthcontent.gateway.pages;

import com.healthcontent.gateway.instances.UnreachableInstances;
import com.healthcontent.gateway.routes.ProxiedRequestHeaders;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the gateway's composed answers (the merged search, the article page, the merged review queue) fetch their parts
 * from the services: each call on an instance its service's load balancer chooses (the ready ones, less those whose
 * connections failed), each part given {@code platform.pages.part-timeout} (then the answer comes without it).
 *
 * <p>Reactor Netty's client straight to the chosen instance, not a load-balanced {@code WebClient}: the parts are
 * JSON documents of our own services, bounded by their page sizes and read whole, and for a search (one call in, two
 * out) the WebClient's request and response wrappers, exchange filters and decoders cost the gateway 0.07 of its 0.8
 * ms (docs/benchmarks.md).
 */
@Component
public class PageParts {

    @ConfigurationProperties("platform.pages")
    record Settings(@DefaultValue("2s") Duration partTimeout) {}

    /** A service's answer to one part: its status, the bearer challenge of a 401 or 403, its body. */
    public record Answer(int status, @Nullable String challenge, byte[] body) {

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        public boolean isRefusal() {
            return status >= 400 && status < 500;
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /**
         * This refusal as the reader gets it: the service's status, problem and bearer challenge, but for the
         * problem's {@code instance}, which names where the reader asked, not the service's own path.
         */
        public ResponseEntity<Object> passedOn(ServerWebExchange asking) {
            ResponseEntity.BodyBuilder refusal =
                    ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
            if (challenge != null) {
                refusal.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
            }
            try {
                if (JSON.readTree(body) instanceof ObjectNode problem && problem.has("instance")) {
                    return refusal.body(problem.put(
                            "instance", asking.getRequest().getPath().value()));
                }
            } catch (JacksonException notJson) {
                // passed on untouched
            }
            return refusal.body(new String(body, StandardCharsets.UTF_8));
        }
    }

    /** The service answered the part with something other than a success. */
    public static final class NotAnswered extends RuntimeException {
        private final int status;

        NotAnswered(int status) {
            super("answered " + status, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** No instance of the service is ready to take the part. */
    static final class NoInstance extends RuntimeException {
        NoInstance(String service) {
            super(service + " has no instance ready", null, false, false);
        }
    }

    private static final byte[] NO_BODY = new byte[0];
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final Duration timeout;
    private final LoadBalancerClientFactory balancerFactory;
    private final UnreachableInstances unreachable;
    private final ProxiedRequestHeaders proxied;
    private final Map<String, ReactiveLoadBalancer<ServiceInstance>> balancers = new ConcurrentHashMap<>();

    PageParts(
            Settings settings,
            LoadBalancerClientFactory balancerFactory,
            UnreachableInstances unreachable,
            ProxiedRequestHeaders proxied) {
        this.timeout = settings.partTimeout();
        this.balancerFactory = balancerFactory;
        this.unreachable = unreachable;
        this.proxied = proxied;
        this.http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
                .responseTimeout(timeout)
                .headers(headers -> headers.set(HttpHeaderNames.ACCEPT, MediaType.APPLICATION_JSON_VALUE));
    }

    /**
     * {@code GET pathAndQuery} (already encoded) on one of {@code service}'s instances, carrying what a proxied
     * request carries of the reader's (forwarding headers, trace, request id: {@link ProxiedRequestHeaders#forPart}).
     * An error when no instance answers in time; any status otherwise. A call whose connection failed is made once
     * more: its instance has just left the rotation, and a GET can be repeated.
     */
    public Mono<Answer> get(ServerWebExchange asking, String service, String pathAndQuery) {
        return get(service, pathAndQuery, proxied.forPart(asking), null);
    }

    /** As {@link #get}, also carrying the reader's {@code Authorization}: the service answers for the caller. */
    public Mono<Answer> getAsCaller(ServerWebExchange asking, String service, String pathAndQuery) {
        return get(
                service,
                pathAndQuery,
                proxied.forPart(asking),
                asking.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
    }

    /** The part's JSON document: an error when it could not be fetched, {@link NotAnswered} for any other status. */
    public Mono<JsonNode> json(ServerWebExchange asking, String service, String pathAndQuery) {
        return get(asking, service, pathAndQuery).handle((answer, sink) -> {
            if (answer.isSuccess()) {
                sink.next(answer.json());
            } else {
                sink.error(new NotAnswered(answer.status()));
            }
        });
    }

    private Mono<Answer> get(String service, String pathAndQuery, HttpHeaders relayed, @Nullable String authorization) {
        return attempt(service, pathAndQuery, relayed, authorization)
                .onErrorResume(
                        UnreachableInstances::isConnectionFailure,
                        failed -> attempt(service, pathAndQuery, relayed, authorization))
                // the response timeout plus the time to read the body
                .timeout(timeout.plusMillis(500));
    }

    private Mono<Answer> attempt(
            String service, String pathAndQuery, HttpHeaders relayed, @Nullable String authorization) {
        return Mono.from(balancers
                        .computeIfAbsent(service, balancerFactory::getInstance)
                        .choose())
                .flatMap(chosen -> chosen.hasServer()
                        ? call(chosen.getServer(), pathAndQuery, relayed, authorization)
                        : Mono.error(new NoInstance(service)));
    }

    private Mono<Answer> call(
            ServiceInstance instance, String pathAndQuery, HttpHeaders relayed, @Nullable String authorization) {
        HttpClient client = http.headers(headers -> {
            relayed.forEach(headers::set);
            if (authorization != null) {
                headers.set(HttpHeaderNames.AUTHORIZATION, authorization);
            }
        });
        return client.get()
                .uri(instance.getUri() + pathAndQuery)
                .responseSingle((response, body) -> body.asByteArray()
                        .defaultIfEmpty(NO_BODY)
                        .map(bytes -> new Answer(
                                response.status().code(),
                                response.responseHeaders().get(HttpHeaderNames.WWW_AUTHENTICATE),
                                bytes)))
                .doOnError(failure -> unreachable.failed(instance, failure));
    }
}
