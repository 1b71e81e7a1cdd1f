package com.healthcontent.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one stack of the end-to-end suites, started by the first class that asks for a {@link StackUnderTest}
 * parameter and stopped once the whole run is over (the root context's store closes it, if StackShutdownIT has not
 * stopped it already). Each suite used to start a whole stack of its own, a minute and a half to three minutes of a
 * two-core CI machine each. The suites run in a fixed order (junit-platform.properties): the journeys that leave the
 * stack as they found it first (LocalStackIT, ReviewerConsoleIT, ReaderSiteIT), then RobustnessIT, which attacks it
 * and injects faults (healing each), then LighthouseIT, which waits for a quiet machine (./test.sh runs the modules'
 * tests beside these suites), and StackShutdownIT, which stops it. Each writes only content of its own (unique
 * titles, its own readers) and asserts on that, or on differences it caused, never on totals another suite could
 * move.
 *
 * <p>Two feedback-service instances, so that one can die while the other serves; the gateway's rate limits off,
 * since the suites send hundreds of requests from one address (the limits have their own tests in the gateway).
 */
final class SharedStack implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StackUnderTest.class;
    }

    @Override
    public StackUnderTest resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(StackUnderTest.class, key -> start(), StackUnderTest.class);
    }

    private static StackUnderTest start() {
        Map<String, String> environment = Map.of("RATE_LIMIT_ENABLED", "false", "FEEDBACK_PER_MINUTE", "100000");
        try {
            // started once per run: recording class-data-sharing archives would only cost time
            return StackUnderTest.start(
                    "e2e",
                    StackUnderTest.OFFSET,
                    environment,
                    "--scale",
                    "feedback-service=2",
                    "--no-class-data-sharing");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
