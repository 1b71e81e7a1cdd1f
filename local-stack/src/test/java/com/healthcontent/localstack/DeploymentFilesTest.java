package com.healthcontent.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.healthcontent.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs on the build machines, so docker-compose.yml and the Dockerfile are checked here: the file
 * parses, every deployable module is built from its own directory, the infrastructure uses the production images
 * with volumes and health checks, and only the gateway publishes a port (so any service can be scaled).
 */
class DeploymentFilesTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> DEPLOYABLES = List.of(
            "auth-server",
            "article-service",
            "exercise-service",
            "feedback-service",
            "gateway",
            "console",
            "reader-site");

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        Map<String, Object> compose = new Yaml(options).load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDeployableModuleIsBuiltFromItsOwnModule() throws IOException {
        Map<String, Map<String, Object>> services = services();
        for (String module : DEPLOYABLES) {
            assertThat(services).containsKey(module);
            Map<String, Object> build =
                    (Map<String, Object>) services.get(module).get("build");
            assertThat(build.get("context")).isEqualTo(".");
            assertThat(((Map<String, Object>) build.get("args")).get("MODULE")).isEqualTo(module);
            assertThat(ROOT.resolve(module).resolve("pom.xml")).exists();
        }
        assertThat(Files.readString(ROOT.resolve("Dockerfile")))
                .contains("ARG MODULE")
                .contains("${MODULE}/target/${MODULE}.jar")
                .contains("USER 10001");
    }

    @Test
    @SuppressWarnings("unchecked")
    void infrastructureRunsOnTheRealImagesWithVolumesAndHealthChecks() throws IOException {
        Map<String, Map<String, Object>> services = services();
        assertThat((String) services.get("mongo").get("image")).startsWith("mongo:");
        assertThat((String) services.get("kafka").get("image")).startsWith("apache/kafka:");
        for (String infrastructure : List.of("mongo", "kafka", "opensearch")) {
            assertThat(services.get(infrastructure)).containsKeys("volumes", "healthcheck");
        }
        // OpenSearch is there for the content services that are told to search on it, and only then
        assertThat((String) services.get("opensearch").get("image")).startsWith("opensearchproject/opensearch:2.19.");
        assertThat((List<String>) services.get("opensearch").get("profiles")).containsExactly("opensearch");
        for (String module : List.of("article-service", "exercise-service")) {
            Map<String, Object> env = (Map<String, Object>) services.get(module).get("environment");
            assertThat(env.get("SEARCH_ENGINE")).isEqualTo("${SEARCH_ENGINE:-lucene}");
            assertThat(env.get("OPENSEARCH_URL")).isEqualTo("http://opensearch:9200");
        }
        Map<String, Object> kafkaEnv =
                (Map<String, Object>) services.get("kafka").get("environment");
        assertThat(kafkaEnv.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        String topics = String.valueOf(services.get("kafka-topics").get("command"));
        assertThat(topics).contains(".DLT");
        for (String topic : Topics.ALL) {
            if (!topic.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
                assertThat(topics).as("the topics job creates %s", topic).contains(topic);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void observabilityIsProvisionedFromFilesInTheRepository() throws IOException {
        Map<String, Map<String, Object>> services = services();
        assertThat((List<String>) services.get("grafana").get("volumes")).anyMatch(v -> v.contains("dashboards"));
        Path dashboard = ROOT.resolve("deploy/observability/grafana/dashboards/platform.json");
        String json = Files.readString(dashboard);
        for (String metric : List.of(
                "http_server_requests_seconds_count",
                "http_server_requests_seconds_bucket",
                "kafka_consumer_fetch_manager_records_lag_max",
                "platform_outbox_backlog",
                "platform_alerts_delivered_total",
                "platform_feedback_received_total")) {
            assertThat(json).as("dashboard shows %s", metric).contains(metric);
        }
        String prometheus = Files.readString(ROOT.resolve("deploy/observability/prometheus.yml"));
        for (String module : DEPLOYABLES) {
            assertThat(prometheus).contains("[" + module + "]");
        }
        Map<String, Object> feedbackEnv =
                (Map<String, Object>) services.get("feedback-service").get("environment");
        assertThat(feedbackEnv.get("SMTP_HOST")).isEqualTo("mailpit");
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesAreWiredByEnvironmentAndOnlyTheGatewayPublishesAPort() throws IOException {
        Map<String, Map<String, Object>> services = services();
        List<String> tools = List.of("gateway", "prometheus", "grafana", "jaeger", "mailpit");
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            if (!tools.contains(service.getKey())) {
                assertThat(service.getValue()).as(service.getKey()).doesNotContainKey("ports");
            }
        }
        assertThat((List<String>) services.get("gateway").get("ports")).containsExactly("8080:8080");
        for (String module : List.of("article-service", "exercise-service", "feedback-service")) {
            Map<String, Object> env = (Map<String, Object>) services.get(module).get("environment");
            assertThat(env.get("MONGODB_URI")).isEqualTo("mongodb://mongo:27017/" + module);
            assertThat(env).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "JWT_ISSUER_URI", "JWT_JWK_SET_URI");
        }
        // the authorization server publishes staff account changes
        Map<String, Object> authEnv =
                (Map<String, Object>) services.get("auth-server").get("environment");
        assertThat(authEnv.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
        Map<String, Object> gatewayEnv =
                (Map<String, Object>) services.get("gateway").get("environment");
        assertThat(gatewayEnv.get("ARTICLE_SERVICE_URL")).isEqualTo("http://article-service:8081");
        assertThat(gatewayEnv.get("FEEDBACK_SERVICE_URL")).isEqualTo("http://feedback-service:8083");
        assertThat(gatewayEnv.get("RATE_LIMIT_REDIS_URL")).isEqualTo("redis://redis:6379");
        assertThat((String) services.get("redis").get("image")).startsWith("redis:");
    }

    /**
     * Every process of the platform reports healthy only once its readiness probe answers, and nothing starts
     * before what it needs is healthy (or, for one-shot jobs, done); the demo content is the launcher's, loaded once.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everythingWaitsForHealthyDependenciesAndTheDemoContentIsLoadedOnce() throws IOException {
        Map<String, Map<String, Object>> services = services();
        for (String module : DEPLOYABLES) {
            Map<String, Object> healthcheck =
                    (Map<String, Object>) services.get(module).get("healthcheck");
            assertThat(healthcheck).as(module).isNotNull();
            assertThat(String.valueOf(healthcheck.get("test"))).as(module).contains("/readyz");
        }
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn != null) {
                assertThat(dependsOn)
                        .as(name + " names its dependencies' conditions")
                        .isInstanceOf(Map.class);
                ((Map<String, Map<String, Object>>) dependsOn)
                        .forEach((dependency, condition) -> assertThat(condition.get("condition"))
                                .as(name + " -> " + dependency)
                                .isIn("service_healthy", "service_completed_successfully"));
            }
        });
        Map<String, Object> demo = services.get("demo-content");
        assertThat(((Map<String, Object>) ((Map<String, Object>) demo.get("build")).get("args")).get("MODULE"))
                .isEqualTo("local-stack");
        assertThat(String.valueOf(demo.get("entrypoint"))).contains(DemoContent.class.getName());
        assertThat(demo.get("restart")).isEqualTo("no");
    }

    /**
     * The file as a real Compose implementation reads it ({@code docker-compose config} needs no engine; CI installs
     * Debian's docker-compose). Where none is installed this check is skipped, the ones above still run.
     */
    @Test
    void aRealComposeImplementationAcceptsTheFile() throws Exception {
        Path compose = Stream.of("/usr/bin/docker-compose", "/usr/local/bin/docker-compose")
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        Assumptions.assumeTrue(compose != null, "docker-compose is not installed");
        Process config = new ProcessBuilder(
                        compose.toString(),
                        "-f",
                        ROOT.resolve("docker-compose.yml").toString(),
                        "config",
                        "--quiet")
                .redirectErrorStream(true)
                .start();
        String output = new String(config.getInputStream().readAllBytes());
        assertThat(config.waitFor()).as(output).isZero();
    }
}
