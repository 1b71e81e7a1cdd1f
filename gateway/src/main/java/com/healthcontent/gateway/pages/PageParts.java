package com.healthcontent.gateway.pages;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * How the gateway's composed answers (the article page, the merged review queue) fetch their parts from the services:
 * load-balanced over the instances it knows, each part given {@code platform.pages.part-timeout} (then the page is
 * answered without it).
 */
@Component
public class PageParts {

    @ConfigurationProperties("platform.pages")
    record Settings(@DefaultValue("2s") Duration partTimeout) {}

    private final WebClient http;
    private final Duration timeout;

    PageParts(@LoadBalanced WebClient.Builder loadBalanced, Settings settings) {
        this.timeout = settings.partTimeout();
        this.http = loadBalanced
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
                        .responseTimeout(timeout)))
                .build();
    }

    public WebClient http() {
        return http;
    }

    /** The part, or an error once its time is up (the response timeout plus the time to read the body). */
    public <T> Mono<T> inTime(Mono<T> part) {
        return part.timeout(timeout.plusMillis(500));
    }
}
