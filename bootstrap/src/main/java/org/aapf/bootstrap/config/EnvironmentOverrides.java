package org.aapf.bootstrap.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The environment variables that override configuration keys (documented in the README's table). */
public final class EnvironmentOverrides {

    /** Variable name to dotted configuration key. */
    public static final Map<String, String> VARIABLES = variables();

    private EnvironmentOverrides() {
    }

    private static Map<String, String> variables() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("AAPF_HOST", "server.host");
        map.put("AAPF_PORT", "server.port");
        map.put("AAPF_DATA_DIR", "dataDir");
        map.put("AAPF_DB_URL", "database.url");
        map.put("AAPF_DB_USER", "database.user");
        map.put("AAPF_DB_PASSWORD", "database.password");
        map.put("AAPF_DB_POOL_SIZE", "database.maxPoolSize");
        map.put("AAPF_JWT_SECRET", "auth.jwtSecret");
        map.put("AAPF_ACCESS_TOKEN_TTL", "auth.accessTokenTtl");
        map.put("AAPF_REFRESH_TOKEN_TTL", "auth.refreshTokenTtl");
        map.put("AAPF_PASSWORD_LOGIN", "auth.passwordLogin");
        map.put("AAPF_OIDC_ISSUER", "auth.oidc.issuer");
        map.put("AAPF_OIDC_DISPLAY_NAME", "auth.oidc.displayName");
        map.put("AAPF_OIDC_CLIENT_ID", "auth.oidc.clientId");
        map.put("AAPF_OIDC_CLIENT_SECRET", "auth.oidc.clientSecret");
        map.put("AAPF_OIDC_REDIRECT_URI", "auth.oidc.redirectUri");
        map.put("AAPF_OIDC_SCOPES", "auth.oidc.scopes");
        map.put("AAPF_OIDC_USERNAME_CLAIM", "auth.oidc.usernameClaim");
        map.put("AAPF_OIDC_GROUP_CLAIM", "auth.oidc.groupClaim");
        map.put("AAPF_OIDC_ADMIN_GROUP", "auth.oidc.adminGroup");
        map.put("AAPF_TIME_ZONE", "http.timeZone");
        map.put("AAPF_TRUST_FORWARDED_FOR", "http.trustForwardedFor");
        map.put("AAPF_NOTEBOOK_DOMAIN", "proxy.notebookDomain");
        map.put("AAPF_NOTEBOOK_PORT", "proxy.notebookPort");
        map.put("AAPF_SERVER_ID", "serverId");
        map.put("AAPF_IDLE_TIMEOUT", "clusters.idleTimeout");
        map.put("AAPF_MAX_LIFETIME", "clusters.maxLifetime");
        map.put("AAPF_AUDIT_RETENTION", "audit.retention");
        map.put("AAPF_CATALOGUE", "catalogue");
        map.put("AAPF_BACKEND", "backend.type");
        map.put("AAPF_KUBECONFIG", "backend.kubernetes.kubeconfig");
        map.put("AAPF_SHUTDOWN_GRACE_PERIOD", "server.shutdownGracePeriod");
        map.put("AAPF_LIMITS_MAX_CLUSTERS", "limits.maxClusters");
        map.put("AAPF_LIMITS_MAX_CPU", "limits.maxCpu");
        map.put("AAPF_LIMITS_MAX_MEMORY_MIB", "limits.maxMemoryMiB");
        map.put("AAPF_LIMITS_MAX_GPUS", "limits.maxGpus");
        map.put("AAPF_METRICS_TOKEN", "metrics.token");
        map.put("AAPF_LOG_FORMAT", "logging.format");
        return Map.copyOf(map);
    }

    static void apply(ObjectNode tree, Map<String, String> environment) {
        VARIABLES.forEach((variable, key) -> {
            String value = environment.get(variable);
            if (value != null) {
                set(tree, key, value);
            }
        });
    }

    private static void set(ObjectNode tree, String dottedKey, String value) {
        String[] parts = dottedKey.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) && node.get(parts[i]).isObject()
                    ? (ObjectNode) node.get(parts[i])
                    : node.putObject(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
    }
}
