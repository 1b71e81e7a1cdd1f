# One image recipe for every deployable: docker build --build-arg MODULE=article-service .
# Stage 1 builds the module (and the modules it depends on) from source, so a clean clone is enough.
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -DskipTests -pl ${MODULE} -am package \
 && cp ${MODULE}/target/${MODULE}.jar /app.jar \
 && mkdir -p /app-lib && if [ -d ${MODULE}/target/lib ]; then cp ${MODULE}/target/lib/*.jar /app-lib/; fi

# Stage 2: a JRE only, a non-root user, nothing writable needed but /tmp.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --no-create-home app
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
# a module that is not a Spring Boot jar (local-stack, for the demo-content job) brings its libraries
COPY --from=build /app-lib /app/lib
USER 10001
# Resident memory kept near what is used (docs/benchmarks.md): native memory the JVM freed goes back to the system
# every 10 s, the heap shrinks towards its live set (the free ratios), and glibc keeps two malloc arenas, not 16.
ENV MALLOC_ARENA_MAX=2
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -XX:TrimNativeHeapInterval=10000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
