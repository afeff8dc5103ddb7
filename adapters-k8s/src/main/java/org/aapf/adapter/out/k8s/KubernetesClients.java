package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
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
     * reconciler retries a failed pass itself, and reports the outage once.
     */
    private static void failFast(Config config) {
        config.setRequestRetryBackoffLimit(REQUEST_RETRIES);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
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
