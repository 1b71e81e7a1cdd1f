package com.healthcontent.messaging.consumer;

import com.healthcontent.events.EventEnvelope;
import com.healthcontent.events.EventType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the {@link EventHandler} methods of every bean as it is created, and checks them then: a data parameter that
 * cannot take every type's record, or a parameter it cannot supply, stops the service from starting rather than
 * failing on the first event.
 */
public class EventHandlerMethods implements BeanPostProcessor {

    private static final SpelExpressionParser CONDITIONS = new SpelExpressionParser();
    /** Conditions read the event's data and call its accessors; nothing else. */
    private static final SimpleEvaluationContext READ_ONLY = SimpleEvaluationContext.forReadOnlyDataBinding()
            .withInstanceMethods()
            .build();

    private final List<IntegrationEventHandler<?>> handlers = new ArrayList<>();

    /** Every handler found so far; the listeners read them once all singletons exist. */
    public synchronized List<IntegrationEventHandler<?>> handlers() {
        return List.copyOf(handlers);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        Map<Method, EventHandler> annotated =
                MethodIntrospector.selectMethods(type, (MethodIntrospector.MetadataLookup<EventHandler>)
                        method -> AnnotatedElementUtils.findMergedAnnotation(method, EventHandler.class));
        if (annotated.isEmpty()) {
            return bean;
        }
        Runnable endOfPoll = endOfPoll(bean, type);
        synchronized (this) {
            annotated.forEach((method, declaration) -> {
                Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
                ReflectionUtils.makeAccessible(invocable);
                for (EventType eventType : declaration.value()) {
                    handlers.add(new MethodHandler(eventType, declaration, bean, invocable, endOfPoll));
                }
            });
        }
        return bean;
    }

    private static Runnable endOfPoll(Object bean, Class<?> type) {
        List<Method> methods = MethodIntrospector.selectMethods(
                        type, (ReflectionUtils.MethodFilter) method -> method.isAnnotationPresent(EndOfPoll.class))
                .stream()
                .toList();
        if (methods.isEmpty()) {
            return () -> {};
        }
        if (methods.size() > 1 || methods.get(0).getParameterCount() > 0) {
            throw new IllegalStateException(type.getName() + ": one @EndOfPoll method without parameters at most");
        }
        Method method = AopUtils.selectInvocableMethod(methods.get(0), bean.getClass());
        ReflectionUtils.makeAccessible(method);
        return () -> invoke(method, bean);
    }

    private static Object invoke(Method method, Object bean, Object... arguments) {
        try {
            return method.invoke(bean, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One event type handled by one method. */
    private static final class MethodHandler implements IntegrationEventHandler<Object> {

        private final EventType type;
        private final EventHandler declaration;
        private final Object bean;
        private final Method method;
        private final List<Function<Delivery, Object>> arguments;
        private final Predicate<Object> wants;
        private final Runnable endOfPoll;

        private record Delivery(Object data, EventEnvelope envelope, EventPosition position) {}

        MethodHandler(EventType type, EventHandler declaration, Object bean, Method method, Runnable endOfPoll) {
            this.type = type;
            this.declaration = declaration;
            this.bean = bean;
            this.method = method;
            this.endOfPoll = endOfPoll;
            Class<?>[] parameters = method.getParameterTypes();
            String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
            if (parameters.length == 0 || !parameters[0].isAssignableFrom(type.dataType())) {
                throw new IllegalStateException(where + " handles " + type + ", whose data is a "
                        + type.dataType().getSimpleName() + ": its first parameter must take it");
            }
            this.arguments = Arrays.stream(parameters)
                    .skip(1)
                    .map(parameter -> argument(parameter, where))
                    .toList();
            if (declaration.condition().isEmpty()) {
                this.wants = data -> true;
            } else {
                Expression condition = CONDITIONS.parseExpression(declaration.condition());
                this.wants = data -> Boolean.TRUE.equals(condition.getValue(READ_ONLY, data, Boolean.class));
            }
        }

        private static Function<Delivery, Object> argument(Class<?> parameter, String where) {
            if (parameter == EventEnvelope.class) {
                return Delivery::envelope;
            }
            if (parameter == EventPosition.class) {
                return Delivery::position;
            }
            throw new IllegalStateException(where + ": after the event's data, a handler takes an EventEnvelope or an "
                    + "EventPosition, not a " + parameter.getSimpleName());
        }

        @Override
        public EventType type() {
            return type;
        }

        @Override
        public void handle(Object data, EventEnvelope envelope, EventPosition position) {
            Delivery delivery = new Delivery(data, envelope, position);
            Object[] values = new Object[arguments.size() + 1];
            values[0] = data;
            for (int i = 0; i < arguments.size(); i++) {
                values[i + 1] = arguments.get(i).apply(delivery);
            }
            invoke(method, bean, values);
        }

        @Override
        public boolean wants(Object data) {
            return wants.test(data);
        }

        @Override
        public boolean deduplicated() {
            return declaration.deduplicated();
        }

        @Override
        public void endOfBatch() {
            endOfPoll.run();
        }

        @Override
        public String pipeline() {
            return declaration.pipeline();
        }

        @Override
        public String toString() {
            return method.getDeclaringClass().getSimpleName() + "." + method.getName() + " (" + type + ")";
        }
    }
}
