package com.healthcontent.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders each kustomize overlay with real kustomize ({@code kubectl kustomize}; {@code scripts/install-kubectl}
 * fetches kubectl from the npm registry, and CI runs it) and checks what a cluster would get: every deployable with
 * its Deployment, Service, autoscaler and disruption budget, probes on the actuator paths the modules serve, ports
 * and images matching the modules, non-root read-only containers with requests and limits, several replicas of every
 * deployable in production. Skipped where no kubectl is installed. (No schema validator is: kubeconform and its
 * kind ship only from GitHub, which these machines do not reach.)
 */
class KubernetesManifestsTest {

    static final Path K8S = Path.of("..", "deploy", "k8s");
    static final List<String> DEPLOYABLES = DeploymentFilesTest.DEPLOYABLES;
    static final Pattern DEFAULT_PORT = Pattern.compile("port: \\$\\{PORT:(\\d+)}");

    /** kubectl from scripts/install-kubectl, or on the PATH. */
    static Optional<String> kubectl() {
        Path installed =
                Path.of("..", ".tools", "kubectl", "kubectl").toAbsolutePath().normalize();
        if (Files.isExecutable(installed)) {
            return Optional.of(installed.toString());
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> render(Path overlay) throws IOException, InterruptedException {
        Optional<String> kubectl = kubectl();
        Assumptions.assumeTrue(kubectl.isPresent(), "no kubectl: scripts/install-kubectl installs one");
        Process kustomize = new ProcessBuilder(
                        kubectl.get(),
                        "kustomize",
                        overlay.toAbsolutePath().normalize().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String rendered = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kustomize.waitFor()).as("kubectl kustomize " + overlay).isZero();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(rendered)) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        Map<String, Object> spec = (Map<String, Object>) deployment.get("spec");
        Map<String, Object> template = (Map<String, Object>) spec.get("template");
        return (List<Map<String, Object>>) ((Map<String, Object>) template.get("spec")).get("containers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    @SuppressWarnings("unchecked")
    void everyDeployableIsCompleteSafeAndMatchesItsModule(String overlay) throws Exception {
        List<Map<String, Object>> rendered = render(K8S.resolve("overlays").resolve(overlay));
        for (String module : DEPLOYABLES) {
            for (String kind : List.of("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget")) {
                assertThat(find(rendered, kind, module))
                        .as("%s %s in %s", kind, module, overlay)
                        .isNotNull();
            }
            Map<String, Object> deployment = find(rendered, "Deployment", module);
            assertThat(((Map<String, Object>) deployment.get("metadata")).get("namespace"))
                    .isNotNull();
            Map<String, Object> container = containers(deployment).get(0);
            int modulePort = modulePort(module);

            assertThat((String) container.get("image"))
                    .contains("/" + module + ":")
                    .doesNotEndWith(":latest");
            Map<String, Object> port = ((List<Map<String, Object>>) container.get("ports")).get(0);
            assertThat(port.get("containerPort")).isEqualTo(modulePort);
            assertThat(path(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
            assertThat(path(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
            // probes and metrics on the management port (the module's default: its port + 10000), never published
            Map<String, Object> management = ((List<Map<String, Object>>) container.get("ports"))
                    .stream()
                            .filter(p -> "management".equals(p.get("name")))
                            .findFirst()
                            .orElseThrow();
            assertThat(management.get("containerPort")).isEqualTo(modulePort + 10_000);
            assertThat(moduleConfig(module)).contains("MANAGEMENT_PORT:" + (modulePort + 10_000));
            assertThat(probePort(container, "readinessProbe")).isEqualTo("management");
            assertThat(probePort(container, "livenessProbe")).isEqualTo("management");
            assertThat(((Map<String, Object>) ((Map<String, Object>) deployment.get("spec")).get("template"))
                            .get("metadata"))
                    .extracting(m -> ((Map<String, Object>) m).get("annotations"))
                    .satisfies(a -> assertThat((Map<String, Object>) a)
                            .containsEntry("prometheus.io/port", Integer.toString(modulePort + 10_000)));
            assertThat(moduleConfig(module)).as("probes enabled for %s", module).contains("probes");

            Map<String, Object> security = (Map<String, Object>) container.get("securityContext");
            assertThat(security)
                    .containsEntry("readOnlyRootFilesystem", true)
                    .containsEntry("allowPrivilegeEscalation", false);
            Map<String, Object> podSecurity = (Map<String, Object>) ((Map<String, Object>)
                            ((Map<String, Object>) ((Map<String, Object>) deployment.get("spec")).get("template"))
                                    .get("spec"))
                    .get("securityContext");
            assertThat(podSecurity).containsEntry("runAsNonRoot", true);
            Map<String, Object> resources = (Map<String, Object>) container.get("resources");
            assertThat(resources).containsKeys("requests", "limits");

            Map<String, Object> service = find(rendered, "Service", module);
            Map<String, Object> servicePort =
                    ((List<Map<String, Object>>) ((Map<String, Object>) service.get("spec")).get("ports")).get(0);
            assertThat(servicePort.get("port")).isEqualTo(modulePort);
            assertThat((List<?>) ((Map<String, Object>) service.get("spec")).get("ports"))
                    .hasSize(1);
        }
        assertThat(find(rendered, "ConfigMap", "platform-config"))
                .isNotNull()
                .extracting(config -> ((Map<String, Object>) config.get("data")).get("GATEWAY_TRUSTED_PROXIES"))
                .as("the ingress's X-Forwarded-For is believed")
                .isNotNull();
        assertThat(find(rendered, "Secret", "platform-secrets")).isNotNull();
        assertThat(containers(find(rendered, "Deployment", "auth-server"))
                        .get(0)
                        .get("env")
                        .toString())
                .as("auth-server's shared store")
                .contains("MONGODB_URI");
        // every process that publishes or consumes events reaches the broker, the authorization server included
        Map<String, Object> sharedSettings = (Map<String, Object>)
                find(rendered, "ConfigMap", "platform-config").get("data");
        for (String module :
                List.of("auth-server", "article-service", "exercise-service", "feedback-service", "gateway")) {
            Map<String, Object> container =
                    containers(find(rendered, "Deployment", module)).get(0);
            boolean own = String.valueOf(container.get("env")).contains("name=KAFKA_BOOTSTRAP_SERVERS");
            boolean shared = String.valueOf(container.get("envFrom")).contains("platform-config")
                    && sharedSettings.containsKey("KAFKA_BOOTSTRAP_SERVERS");
            assertThat(own || shared)
                    .as("%s gets KAFKA_BOOTSTRAP_SERVERS", module)
                    .isTrue();
        }
    }

    /** An operator scales every deployable, the authorization server included, and each keeps serving. */
    @Test
    @SuppressWarnings("unchecked")
    void productionRunsSeveralReplicasOfEveryDeployable() throws Exception {
        List<Map<String, Object>> rendered = render(K8S.resolve("overlays").resolve("production"));
        for (String module : DEPLOYABLES) {
            Map<String, Object> spec =
                    (Map<String, Object>) find(rendered, "Deployment", module).get("spec");
            assertThat((Integer) spec.get("replicas")).as(module).isGreaterThanOrEqualTo(2);
            assertThat((String) containers(find(rendered, "Deployment", module))
                            .get(0)
                            .get("image"))
                    .startsWith("registry.example.org/");
        }
    }

    @SuppressWarnings("unchecked")
    private static Object probePort(Map<String, Object> container, String probe) {
        return ((Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet")).get("port");
    }

    @SuppressWarnings("unchecked")
    private static String path(Map<String, Object> container, String probe) {
        return (String) ((Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet")).get("path");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> find(List<Map<String, Object>> documents, String kind, String name) {
        return documents.stream()
                .filter(d -> kind.equals(d.get("kind"))
                        && name.equals(((Map<String, Object>) d.get("metadata")).get("name")))
                .findFirst()
                .orElse(null);
    }

    private static String moduleConfig(String module) throws IOException {
        String own = Files.readString(Path.of("..", module, "src", "main", "resources", "application.yml"));
        return module.endsWith("-service")
                ? own
                        + Files.readString(
                                Path.of("..", "service-defaults", "src", "main", "resources", "service-defaults.yml"))
                : own;
    }

    private static int modulePort(String module) throws IOException {
        Matcher port = DEFAULT_PORT.matcher(moduleConfig(module));
        assertThat(port.find()).as("default port of %s", module).isTrue();
        return Integer.parseInt(port.group(1));
    }
}
