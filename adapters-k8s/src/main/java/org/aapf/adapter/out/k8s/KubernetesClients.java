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

    private KubernetesClients() {
    }

    /**
     * A client for the configured cluster. The caller closes it.
     *
     * @throws AapfException {@code INVALID_INPUT} when the configured kubeconfig file cannot be read
     */
    public static KubernetesClient create(KubernetesSettings settings) {
        Config config = settings.kubeconfig().map(KubernetesClients::fromFile).orElseGet(() -> Config.autoConfigure(null));
        return new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientFactory(new JdkHttpClientFactory())
                .build();
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
