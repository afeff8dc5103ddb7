package org.aapf.adapter.out.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
            assertEquals(List.of(""), rule.getApiGroups());
            rule.getResources().forEach(resource ->
                    verbsByResource.computeIfAbsent(resource, key -> new TreeSet<>()).addAll(rule.getVerbs()));
        }
        assertEquals(Map.of(
                "pods", Set.of("get", "list", "watch", "create", "delete"),
                "services", Set.of("get", "list", "create", "delete"),
                "configmaps", Set.of("get", "list", "create", "delete"),
                "persistentvolumeclaims", Set.of("get", "list", "create", "delete")), verbsByResource);
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
    void serviceSelectsTheDeploymentsPods() throws IOException {
        Service service = load("service.yaml", Service.class);
        Map<String, String> podLabels = load("deployment.yaml", Deployment.class).getSpec().getTemplate()
                .getMetadata().getLabels();
        assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()));
        assertEquals("http", service.getSpec().getPorts().get(0).getTargetPort().getStrVal());
    }
}
