package com.healthcontent.gateway.routes;

import java.net.ConnectException;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The route filter {@code RetryRefusedConnection}: a call whose connection was refused goes again, to the next
 * instance the load balancer picks (the refusing one has left the rotation), up to {@code retries} times, whatever
 * the method. A refused connection never reached the service, so a write is safe to send again, and the request body
 * was never read (the proxy subscribes to it only once connected), so it can be sent as it is.
 *
 * <p>Spring Cloud Gateway's own {@code Retry} filter does the same but makes its route cache every request body in
 * memory first, so that it could resend one the service had started to read; on the vote route that copy was most of
 * why a proxied POST cost the gateway four times a proxied GET.
 */
@Component
public class RetryRefusedConnectionGatewayFilterFactory
        extends AbstractGatewayFilterFactory<RetryRefusedConnectionGatewayFilterFactory.Config> {

    public RetryRefusedConnectionGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public GatewayFilter apply(Config config) {
        int retries = config.getRetries();
        return new GatewayFilter() {
            @Override
            public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
                return attempt(exchange, chain, retries);
            }

            @Override
            public String toString() {
                return "RetryRefusedConnection[retries=" + retries + "]";
            }
        };
    }

    private static Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, int retriesLeft) {
        Mono<Void> call = chain.filter(exchange);
        if (retriesLeft == 0) {
            return call;
        }
        return call.onErrorResume(RetryRefusedConnectionGatewayFilterFactory::refused, refused -> {
            ServerWebExchangeUtils.reset(exchange); // routed again: a new instance, no headers of the failed call
            return attempt(exchange, chain, retriesLeft - 1);
        });
    }

    static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    public static class Config {

        private int retries = 2;

        public int getRetries() {
            return retries;
        }

        public void setRetries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("retries must be 0 or more, was " + retries);
            }
            this.retries = retries;
        }
    }
}
