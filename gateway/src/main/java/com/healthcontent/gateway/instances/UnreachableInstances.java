package com.healthcontent.gateway.instances;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.client.loadbalancer.ResponseData;

/**
 * Instances whose connection failed (refused, reset, closed before the answer), kept out of the rotation for a while
 * (passive health checking, as proxies eject an upstream whose connections fail). The periodic health check notices a
 * dead instance only at its next round; until then every other call would be sent to it and, with two instances,
 * half of them refused. Told of every load-balanced call's outcome (routes and composed pages alike); an answer, even
 * an error status, is the service speaking and ejects nothing. After {@code ejectionTime} the instance is offered
 * again if the health check still lists it, so one that came back rejoins without waiting for anything else.
 */
public class UnreachableInstances implements LoadBalancerLifecycle<RequestDataContext, ResponseData, ServiceInstance> {

    private static final Logger log = LoggerFactory.getLogger(UnreachableInstances.class);

    private final Duration ejectionTime;
    private final Clock clock;
    private final Map<String, Instant> ejectedUntil = new ConcurrentHashMap<>();

    public UnreachableInstances(Duration ejectionTime, Clock clock) {
        this.ejectionTime = ejectionTime;
        this.clock = clock;
    }

    /** The instances worth trying: all but the ejected ones, or all of them if every one is ejected. */
    List<ServiceInstance> reachable(List<ServiceInstance> instances) {
        if (ejectedUntil.isEmpty()) {
            return instances;
        }
        Instant now = clock.instant();
        List<ServiceInstance> reachable = instances.stream()
                .filter(instance -> {
                    Instant until = ejectedUntil.get(key(instance));
                    return until == null || !until.isAfter(now);
                })
                .toList();
        return reachable.isEmpty() ? instances : reachable;
    }

    /** Told of a call to {@code instance} that ended in {@code failure}: ejected if its connection failed. */
    public void failed(ServiceInstance instance, Throwable failure) {
        if (isConnectionFailure(failure)
                && ejectedUntil.put(key(instance), clock.instant().plus(ejectionTime)) == null) {
            log.warn(
                    "{} at {} failed a connection ({}): left out of the rotation for {}",
                    instance.getServiceId(),
                    instance.getUri(),
                    failure.getClass().getSimpleName(),
                    ejectionTime);
        }
    }

    @Override
    public boolean supports(Class requestContextClass, Class responseClass, Class serverTypeClass) {
        return ServiceInstance.class.isAssignableFrom(serverTypeClass);
    }

    @Override
    public void onStart(Request<RequestDataContext> request) {}

    @Override
    public void onStartRequest(Request<RequestDataContext> request, Response<ServiceInstance> lbResponse) {}

    @Override
    public void onComplete(CompletionContext<ResponseData, ServiceInstance, RequestDataContext> completion) {
        if (completion.status() == CompletionContext.Status.FAILED
                && completion.getLoadBalancerResponse() != null
                && completion.getLoadBalancerResponse().getServer() != null) {
            failed(completion.getLoadBalancerResponse().getServer(), completion.getThrowable());
        }
    }

    /** Refused, reset or closed early: the connection's failure, not an answer (timeouts are not I/O errors here). */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String key(ServiceInstance instance) {
        return instance.getServiceId() + " " + instance.getUri();
    }
}
