package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.utils.Utils;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aapf.domain.error.AapfException;

/** Builds the fabric8 client on the JDK HTTP client, from a kubeconfig file or the in-cluster/default config. */
public final class KubernetesClients {

    /** Retries of one request before it fails: fabric8's default (10) waits 19 s against an API server that is down. */
    static final int REQUEST_RETRIES = 2;
    /** How long a connection to the API server may take; fabric8's default is 10 s. */
    static final int CONNECT_TIMEOUT_MILLIS = 3_000;

    private KubernetesClients() {
    }

    /**
     * A client for the configured cluster. The caller closes it.
     *
     * @throws AapfException {@code INVALID_INPUT} when the configured kubeconfig file cannot be read
     */
    public static KubernetesClient create(KubernetesSettings settings) {
        Config config = settings.kubeconfig().map(KubernetesClients::fromFile).orElseGet(() -> Config.autoConfigure(null));
        failFast(config);
        return new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientFactory(new JdkHttpClientFactory())
                .build();
    }

    /**
     * A call fails within seconds when the API server cannot be reached (at worst three connection attempts of 3 s
     * each, 0.3 s apart), not after fabric8's 19 s of retries: a reconciler pass blocked that long outlives its lease
     * (10 s by default), so leadership changed hands every pass for as long as the API server was away. The
     * reconciler retries a failed pass itself, and reports the outage once. An operator's own choice, fabric8's
     * {@code KUBERNETES_REQUEST_RETRY_BACKOFFLIMIT} or {@code KUBERNETES_CONNECTION_TIMEOUT} (or the same system
     * property), wins; fabric8 itself reads them only without a kubeconfig file.
     */
    private static void failFast(Config config) {
        config.setRequestRetryBackoffLimit(
                operatorsOr(Config.KUBERNETES_REQUEST_RETRY_BACKOFFLIMIT_SYSTEM_PROPERTY, REQUEST_RETRIES));
        config.setConnectionTimeout(
                operatorsOr(Config.KUBERNETES_CONNECTION_TIMEOUT_SYSTEM_PROPERTY, CONNECT_TIMEOUT_MILLIS));
    }

    private static int operatorsOr(String property, int ours) {
        String value = Utils.getSystemPropertyOrEnvVar(property);
        if (value == null) {
            return ours;
        }
        try {
            int chosen = Integer.parseInt(value.strip());
            if (chosen >= 0) {
                return chosen;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw AapfException.invalid(Utils.convertSystemPropertyNameToEnvVar(property)
                + " must be a whole number of 0 or more, not '" + value + "'.");
    }

    private static Config fromFile(Path kubeconfig) {
        if (!Files.isReadable(kubeconfig)) {
            throw AapfException.invalid("The kubeconfig file " + kubeconfig + " cannot be read.");
        }
        try {
            return Config.fromKubeconfig(kubeconfig.toFile());
        } catch (KubernetesClientException e) {
            throw AapfException.invalid("The kubeconfig file " + kubeconfig + " is not valid.");
        }
    }
}
