package org.aapf.adapter.out.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Parses the manifests that deploy AAPF itself and checks what the backend and the cluster rely on. */
class DeployManifestsTest {

    private static final Path DIR = Path.of("..", "deploy", "kubernetes");

    private static <T extends HasMetadata> T load(String file, Class<T> type) throws IOException {
        HasMetadata parsed = Serialization.unmarshal(Files.readString(DIR.resolve(file)), HasMetadata.class);
        assertTrue(type.isInstance(parsed), () -> file + " is a " + parsed.getClass().getSimpleName());
        return type.cast(parsed);
    }

    @SuppressWarnings("unchecked")
    private static List<String> kustomizationResources() throws IOException {
        Map<String, Object> kustomization = Serialization.unmarshal(
                Files.readString(DIR.resolve("kustomization.yaml")), Map.class);
        return (List<String>) kustomization.get("resources");
    }

    @Test
    void everyKustomizationResourceParsesAsAKubernetesObjectWithAName() throws IOException {
        for (String file : kustomizationResources()) {
            HasMetadata object = load(file, HasMetadata.class);
            assertFalse(object.getMetadata().getName().isBlank(), file);
        }
        assertFalse(kustomizationResources().contains("secret.example.yaml"), "real secrets are never committed");
    }

    @Test
    void namespacesEnforceTheRestrictedProfile() throws IOException {
        for (String file : List.of("namespace.yaml", "clusters-namespace.yaml")) {
            assertEquals("restricted",
                    load(file, Namespace.class).getMetadata().getLabels().get("pod-security.kubernetes.io/enforce"));
        }
    }

    @Test
    void roleGrantsOnlyWhatTheBackendCallsInTheClustersNamespace() throws IOException {
        Role role = load("role.yaml", Role.class);
        assertEquals("aapf-clusters", role.getMetadata().getNamespace());
        Map<String, Set<String>> verbsByResource = new TreeMap<>();
        for (PolicyRule rule : role.getRules()) {
            assertEquals(1, rule.getApiGroups().size());
            String group = rule.getApiGroups().get(0);
            rule.getResources().forEach(resource -> verbsByResource
                    .computeIfAbsent(group.isEmpty() ? resource : group + "/" + resource, key -> new TreeSet<>())
                    .addAll(rule.getVerbs()));
        }
        assertEquals(Map.of(
                "pods", Set.of("get", "list", "watch", "create", "delete"),
                "services", Set.of("get", "list", "create", "delete"),
                "configmaps", Set.of("get", "list", "create", "delete"),
                "persistentvolumeclaims", Set.of("get", "list", "create", "delete"),
                "networking.k8s.io/networkpolicies", Set.of("get", "list", "create", "delete")), verbsByResource);
    }

    @Test
    void severalReplicas_shareOnePostgresDatabaseAndOneServerId() throws IOException {
        Deployment deployment = load("deployment.yaml", Deployment.class);
        assertTrue(deployment.getSpec().getReplicas() > 1, "the reconciler's database lease allows several replicas");
        EnvVar databaseUrl = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(env -> env.getName().equals("AAPF_DB_URL")).findFirst().orElseThrow();
        assertFalse(Boolean.TRUE.equals(databaseUrl.getValueFrom().getSecretKeyRef().getOptional()),
                "no replica may start without the shared database (it would fall back to a private H2 file)");
        Map<String, Object> config = serverConfig();
        assertFalse(config.containsKey("database"), "the database URL comes from the Secret only");
        assertEquals("aapf", config.get("serverId"), "every replica labels its pods with one id");
    }

    @Test
    void roleGrantsNothingForKubernetesLeases_theReconcilerLeaseLivesInTheDatabase() throws IOException {
        for (PolicyRule rule : load("role.yaml", Role.class).getRules()) {
            assertFalse(rule.getApiGroups().contains("coordination.k8s.io"), rule.toString());
            assertFalse(rule.getResources().contains("leases"), rule.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> serverConfig() throws IOException {
        String yaml = load("configmap.yaml", ConfigMap.class).getData().get("aapf.yaml");
        return Serialization.unmarshal(yaml, Map.class);
    }

    @Test
    void roleIsBoundToTheServersServiceAccount() throws IOException {
        RoleBinding binding = load("rolebinding.yaml", RoleBinding.class);
        ServiceAccount account = load("serviceaccount.yaml", ServiceAccount.class);
        assertEquals("Role", binding.getRoleRef().getKind());
        assertEquals(load("role.yaml", Role.class).getMetadata().getName(), binding.getRoleRef().getName());
        assertEquals(account.getMetadata().getName(), binding.getSubjects().get(0).getName());
        assertEquals(account.getMetadata().getNamespace(), binding.getSubjects().get(0).getNamespace());
        assertEquals(account.getMetadata().getName(),
                load("deployment.yaml", Deployment.class).getSpec().getTemplate().getSpec().getServiceAccountName());
    }

    @Test
    void deploymentProbesHealthAndTakesSecretsFromTheSecret() throws IOException {
        Container server = load("deployment.yaml", Deployment.class).getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        assertEquals("/health/live", server.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/health/ready", server.getReadinessProbe().getHttpGet().getPath());
        assertEquals(3000, server.getPorts().get(0).getContainerPort());
        Map<String, String> secretKeys = new TreeMap<>();
        for (EnvVar env : server.getEnv()) {
            assertEquals(null, env.getValue(), env.getName() + " must not carry a literal value");
            secretKeys.put(env.getName(), env.getValueFrom().getSecretKeyRef().getName() + "/"
                    + env.getValueFrom().getSecretKeyRef().getKey());
        }
        assertEquals(Map.of("AAPF_JWT_SECRET", "aapf-secrets/jwt-secret",
                "AAPF_DB_URL", "aapf-secrets/database-url"), secretKeys);
    }

    @Test
    void deploymentIsRestricted() throws IOException {
        Deployment deployment = load("deployment.yaml", Deployment.class);
        assertEquals(true, deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot());
        Container server = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(false, server.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), server.getSecurityContext().getCapabilities().getDrop());
        assertEquals("RuntimeDefault", server.getSecurityContext().getSeccompProfile().getType());
    }

    @Test
    void rollingUpdate_startsEachNewPodBeforeStoppingAnOldOne() throws IOException {
        Deployment deployment = load("deployment.yaml", Deployment.class);
        assertEquals("RollingUpdate", deployment.getSpec().getStrategy().getType());
        RollingUpdateDeployment rolling = deployment.getSpec().getStrategy().getRollingUpdate();
        int replicas = deployment.getSpec().getReplicas();

        assertEquals(0, absolute(rolling.getMaxUnavailable(), replicas), "no pod is taken away before its successor");
        assertTrue(absolute(rolling.getMaxSurge(), replicas) >= 1, "a successor can start at all");
    }

    @Test
    void nodeDrains_evictOnePodAtATime_soTwoOfThreeKeepServing() throws IOException {
        Deployment deployment = load("deployment.yaml", Deployment.class);
        PodDisruptionBudget budget = load("pdb.yaml", PodDisruptionBudget.class);
        int replicas = deployment.getSpec().getReplicas();

        assertEquals(3, replicas, "README: one pod may be drained while another fails, and one still serves");
        assertEquals(deployment.getMetadata().getNamespace(), budget.getMetadata().getNamespace());
        assertEquals(deployment.getSpec().getSelector().getMatchLabels(),
                budget.getSpec().getSelector().getMatchLabels(), "the budget covers exactly the server's pods");
        int leastDuringDrain = budget.getSpec().getMinAvailable() != null
                ? absolute(budget.getSpec().getMinAvailable(), replicas)
                : replicas - absolute(budget.getSpec().getMaxUnavailable(), replicas);
        assertEquals(2, leastDuringDrain);
        assertEquals("AlwaysAllow", budget.getSpec().getUnhealthyPodEvictionPolicy(),
                "a pod that is not ready anyway never blocks a drain");
        assertTrue(kustomizationResources().contains("pdb.yaml"));
    }

    @Test
    void replicasSpreadOverNodes_whereThereAreSeveral() throws IOException {
        PodSpec pod = load("deployment.yaml", Deployment.class).getSpec().getTemplate().getSpec();
        TopologySpreadConstraint spread = pod.getTopologySpreadConstraints().getFirst();

        assertEquals("kubernetes.io/hostname", spread.getTopologyKey());
        assertEquals(1, spread.getMaxSkew());
        assertEquals("ScheduleAnyway", spread.getWhenUnsatisfiable(), "a single-node cluster still runs them all");
        assertEquals(load("deployment.yaml", Deployment.class).getSpec().getTemplate().getMetadata().getLabels(),
                spread.getLabelSelector().getMatchLabels());
    }

    @Test
    void probes_startupCoversTheStart_livenessRestartsAHungServer_readinessFollowsHealth() throws IOException {
        Container server = load("deployment.yaml", Deployment.class).getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        Probe startup = server.getStartupProbe();
        Probe liveness = server.getLivenessProbe();

        assertEquals("/health/live", startup.getHttpGet().getPath());
        assertTrue(window(startup).compareTo(Duration.ofMinutes(2)) >= 0, "migrations on a large database");
        assertEquals(null, liveness.getInitialDelaySeconds(), "the startup probe holds liveness back instead");
        assertTrue(window(liveness).compareTo(Duration.ofSeconds(20)) >= 0, "a GC pause is no reason to restart");
        assertTrue(liveness.getTimeoutSeconds() > 1);
        assertEquals("/health/ready", server.getReadinessProbe().getHttpGet().getPath());
    }

    @Test
    void termination_letsTheServiceForgetThePod_thenTheServerFinishItsRequests() throws IOException {
        PodSpec pod = load("deployment.yaml", Deployment.class).getSpec().getTemplate().getSpec();
        List<String> preStop = pod.getContainers().get(0).getLifecycle().getPreStop().getExec().getCommand();
        assertEquals("sleep", preStop.getFirst());
        long sleep = Long.parseLong(preStop.get(1));

        Duration shutdownGrace = Duration.parse(defaultSetting("shutdownGracePeriod"));

        assertTrue(pod.getTerminationGracePeriodSeconds() >= sleep + shutdownGrace.toSeconds() + 30,
                "preStop, then server.shutdownGracePeriod, then the reconcile pass in progress");
    }

    /** How long a probe keeps failing before it acts. */
    private static Duration window(Probe probe) {
        return Duration.ofSeconds((long) probe.getPeriodSeconds() * probe.getFailureThreshold());
    }

    private static int absolute(IntOrString value, int replicas) {
        if (value.getStrVal() != null) {
            int percent = Integer.parseInt(value.getStrVal().replace("%", ""));
            return (int) Math.ceil(replicas * percent / 100.0);
        }
        return value.getIntVal();
    }

    /** A key of the {@code server} section of the server's built-in defaults. */
    @SuppressWarnings("unchecked")
    private static String defaultSetting(String key) throws IOException {
        Map<String, Object> defaults = Serialization.unmarshal(Files.readString(
                Path.of("..", "bootstrap", "src", "main", "resources", "aapf-defaults.yaml")), Map.class);
        return String.valueOf(((Map<String, Object>) defaults.get("server")).get(key));
    }

    @Test
    void serviceSelectsTheDeploymentsPods() throws IOException {
        Service service = load("service.yaml", Service.class);
        Map<String, String> podLabels = load("deployment.yaml", Deployment.class).getSpec().getTemplate()
                .getMetadata().getLabels();
        assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()));
        assertEquals("http", service.getSpec().getPorts().get(0).getTargetPort().getStrVal());
    }
}
