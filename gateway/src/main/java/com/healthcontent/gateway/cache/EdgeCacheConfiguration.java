package com.healthcontent.gateway.cache;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EdgeCacheConfiguration {

    @Bean
    EdgeCache edgeCache(MeterRegistry meterRegistry, EdgeCacheProperties properties) {
        return new EdgeCache(
                new EdgeCachePolicy(properties.contentTtl(), properties.routinesTtl(), properties.summariesTtl()),
                properties.size().toBytes(),
                meterRegistry);
    }

    @Bean
    @ConditionalOnProperty(name = "platform.edge-cache.events.enabled", matchIfMissing = true)
    ContentEventsListener contentEventsListener(EdgeCache cache, EdgeCacheProperties properties) {
        return new ContentEventsListener(properties.events().bootstrapServers(), cache);
    }
}
