package app.tend.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes overlays as a cluster would get them: rendered by a real kustomize ({@code kubectl
 * kustomize}), then every object walked. Fails on any container without probes, requests and
 * limits, a non-root user, a read-only root filesystem and dropped capabilities, or with an image
 * tag of "latest" or none; on a Service without a NetworkPolicy for its pods, an app without a
 * PodDisruptionBudget or autoscaler, a service reachable from anything but the gateway, or an
 * Ingress to anything but the gateway and web-ui. No cluster is needed, and none is used.
 */
class KubernetesManifestsTest {

  static final Set<String> APPS = Set.of("gateway", "web-ui", "accounts-service", "checkin-service", "notification-service");
  static final Set<String> PUBLIC = Set.of("gateway", "web-ui");

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> render(String overlay) throws IOException, InterruptedException {
    Path root = Path.of(System.getProperty("tend.projectRoot", "..")).toAbsolutePath().normalize();
    var process = new ProcessBuilder(System.getProperty("tend.kubectl", "kubectl"), "kustomize",
        root.resolve("infra/k8s/overlays").resolve(overlay).toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("kubectl kustomize said: %s", output).isZero();
    var objects = new ArrayList<Map<String, Object>>();
    for (Object document : new Yaml(new LoaderOptions()).loadAll(output)) {
      if (document != null) {
        objects.add((Map<String, Object>) document);
      }
    }
    return objects;
  }

  @SuppressWarnings("unchecked")
  static Object at(Object node, String... path) {
    Object here = node;
    for (String key : path) {
      if (!(here instanceof Map<?, ?> map)) {
        return null;
      }
      here = ((Map<String, Object>) map).get(key);
    }
    return here;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object node, String... path) {
    Object found = at(node, path);
    return found == null ? List.of() : (List<Map<String, Object>>) found;
  }

  static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
    return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
  }

  static String name(Map<String, Object> object) {
    return (String) at(object, "metadata", "name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyContainerIsProbedLimitedAndLockedDown(String overlay) throws Exception {
    var objects = render(overlay);
    var deployments = ofKind(objects, "Deployment");
    assertThat(deployments).extracting(KubernetesManifestsTest::name).containsExactlyInAnyOrderElementsOf(APPS);
    var problems = new ArrayList<String>();
    for (var deployment : deployments) {
      var pod = at(deployment, "spec", "template", "spec");
      boolean podNonRoot = Boolean.TRUE.equals(at(pod, "securityContext", "runAsNonRoot"));
      for (var container : list(pod, "containers")) {
        String where = name(deployment) + "/" + container.get("name");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
          if (container.get(probe) == null) {
            problems.add(where + " has no " + probe);
          }
        }
        for (String kind : List.of("requests", "limits")) {
          for (String resource : List.of("cpu", "memory")) {
            if (at(container, "resources", kind, resource) == null) {
              problems.add(where + " has no " + kind + "." + resource);
            }
          }
        }
        if (!podNonRoot && !Boolean.TRUE.equals(at(container, "securityContext", "runAsNonRoot"))) {
          problems.add(where + " may run as root");
        }
        if (!Boolean.TRUE.equals(at(container, "securityContext", "readOnlyRootFilesystem"))) {
          problems.add(where + " has a writable root filesystem");
        }
        if (!Boolean.FALSE.equals(at(container, "securityContext", "allowPrivilegeEscalation"))) {
          problems.add(where + " may escalate privileges");
        }
        if (!Objects.equals(at(container, "securityContext", "capabilities", "drop"), List.of("ALL"))) {
          problems.add(where + " keeps Linux capabilities");
        }
        String image = (String) container.get("image");
        String tag = image.contains("@") ? "digest" : image.lastIndexOf(':') > image.lastIndexOf('/') ? image.substring(image.lastIndexOf(':') + 1) : "";
        if (tag.isEmpty() || tag.equals("latest")) {
          problems.add(where + " has image " + image + ": pin a tag or digest, never latest");
        }
        // Secrets by reference only: no value in the manifests looks like one.
        for (var env : list(container, "env")) {
          String variable = (String) env.get("name");
          if (variable.matches(".*(PASSWORD|SECRET|KEY).*") && env.get("value") != null) {
            problems.add(where + " has " + variable + " written into the manifest");
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyServiceIsFencedAndEveryAppSurvivesADrainAndScales(String overlay) throws Exception {
    var objects = render(overlay);
    var policies = ofKind(objects, "NetworkPolicy");
    var problems = new ArrayList<String>();
    assertThat(policies).anySatisfy(policy -> {
      assertThat(at(policy, "spec", "podSelector")).isEqualTo(Map.of());
      assertThat(list(policy, "spec", "ingress")).isEmpty();
    });
    for (var service : ofKind(objects, "Service")) {
      var selector = at(service, "spec", "selector");
      var guarding = policies.stream().filter(p -> Objects.equals(at(p, "spec", "podSelector", "matchLabels"), selector)).toList();
      if (guarding.isEmpty()) {
        problems.add("Service " + name(service) + " has no NetworkPolicy for its pods");
        continue;
      }
      if (!PUBLIC.contains(name(service))) {
        // A service is reached by the gateway (and the monitoring namespace), never from everywhere.
        for (var rule : guarding.stream().flatMap(p -> list(p, "spec", "ingress").stream()).toList()) {
          for (var peer : list(rule, "from")) {
            boolean gateway = Objects.equals(at(peer, "podSelector", "matchLabels"), Map.of("app.kubernetes.io/name", "gateway"));
            boolean monitoring = Objects.equals(at(peer, "namespaceSelector", "matchLabels"), Map.of("kubernetes.io/metadata.name", "monitoring"));
            if (!gateway && !monitoring) {
              problems.add("Service " + name(service) + " is reachable from " + peer);
            }
          }
        }
      }
      // Its egress names only DNS, the backing servers, the gateway's services or the mail relay.
      for (var rule : guarding.stream().flatMap(p -> list(p, "spec", "egress").stream()).toList()) {
        for (var peer : list(rule, "to")) {
          Object target = at(peer, "podSelector", "matchLabels");
          boolean known = target instanceof Map<?, ?> labels && (labels.get("app.kubernetes.io/name") instanceof String app
              && Set.of("postgresql", "kafka", "keycloak", "redis", "gateway", "accounts-service", "checkin-service", "notification-service").contains(app)
              || labels.containsKey("k8s-app"))
              || at(peer, "ipBlock") != null && list(rule, "ports").stream().allMatch(port -> Set.of(25, 587).contains(port.get("port")));
          if (!known) {
            problems.add("Service " + name(service) + " may reach " + peer);
          }
        }
      }
    }
    for (String app : APPS) {
      var labels = Map.of("app.kubernetes.io/name", app);
      if (ofKind(objects, "PodDisruptionBudget").stream().noneMatch(p -> labels.equals(at(p, "spec", "selector", "matchLabels")))) {
        problems.add(app + " has no PodDisruptionBudget");
      }
      if (ofKind(objects, "HorizontalPodAutoscaler").stream().noneMatch(h -> app.equals(at(h, "spec", "scaleTargetRef", "name")))) {
        problems.add(app + " has no HorizontalPodAutoscaler");
      }
    }
    var ingressBackends = ofKind(objects, "Ingress").stream()
        .flatMap(i -> list(i, "spec", "rules").stream())
        .flatMap(rule -> list(rule, "http", "paths").stream())
        .map(path -> (String) at(path, "backend", "service", "name"))
        .collect(Collectors.toSet());
    assertThat(ingressBackends).as("only the gateway and web-ui are reachable from outside").isEqualTo(PUBLIC);
    assertThat(ofKind(objects, "Ingress")).allSatisfy(ingress ->
        assertThat(at(ingress, "metadata", "annotations")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie"));
    assertThat(problems).isEmpty();
  }
}
