package com.healthcontent.gateway.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.cloud.gateway.handler.predicate.AbstractRoutePredicateFactory;
import org.springframework.cloud.gateway.handler.predicate.GatewayPredicate;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The route predicate {@code NotPath=/api/**,/actuator/**}: true when the path matches none of the patterns. It lets
 * a catch-all route ({@code Path=/**}) leave whole namespaces to the gateway. Spring Cloud Gateway has no negation in
 * its configuration, and negating its {@code Path} predicate would leave the excluded pattern and its variables on
 * the exchange as if that path had been matched.
 */
@Component
public class NotPathRoutePredicateFactory extends AbstractRoutePredicateFactory<NotPathRoutePredicateFactory.Config> {

    public NotPathRoutePredicateFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("patterns");
    }

    @Override
    public ShortcutType shortcutType() {
        return ShortcutType.GATHER_LIST;
    }

    @Override
    public Predicate<ServerWebExchange> apply(Config config) {
        List<PathPattern> excluded = config.getPatterns().stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
        return new GatewayPredicate() {
            @Override
            public boolean test(ServerWebExchange exchange) {
                PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
                return excluded.stream().noneMatch(pattern -> pattern.matches(path));
            }

            @Override
            public String toString() {
                return "NotPath: " + config.getPatterns();
            }
        };
    }

    public static class Config {

        private List<String> patterns = new ArrayList<>();

        public List<String> getPatterns() {
            return patterns;
        }

        public void setPatterns(List<String> patterns) {
            this.patterns = patterns;
        }
    }
}
