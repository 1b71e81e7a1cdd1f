package com.healthcontent.gateway.cache;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class EdgeCacheConfiguration {

    @Bean
    EdgeCache edgeCache(MeterRegistry meterRegistry,
            @Value("${platform.edge-cache.content-ttl:60s}") Duration content,
            @Value("${platform.edge-cache.routines-ttl:10s}") Duration routines,
            @Value("${platform.edge-cache.summaries-ttl:1s}") Duration summaries,
            @Value("${platform.edge-cache.size:32MB}") DataSize size) {
        return new EdgeCache(new EdgeCachePolicy(content, routines, summaries), size.toBytes(), meterRegistry);
    }

    @Bean
    @ConditionalOnProperty(name = "platform.edge-cache.events.enabled", matchIfMissing = true)
    ContentEventsListener contentEventsListener(EdgeCache cache,
            @Value("${platform.edge-cache.events.bootstrap-servers}") String bootstrapServers) {
        return new ContentEventsListener(bootstrapServers, cache);
    }
}
