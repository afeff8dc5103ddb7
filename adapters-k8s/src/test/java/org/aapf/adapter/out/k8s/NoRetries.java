package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesClientBuilderCustomizer;

/**
 * The mock client on plain HTTP/1.1 without request retries: the JDK client's cleartext HTTP/2 upgrade
 * intermittently stalls against the mock server, and retries would hide a failing call behind seconds of backoff.
 */
public class NoRetries extends KubernetesClientBuilderCustomizer {

    @Override
    public void accept(KubernetesClientBuilder builder) {
        super.accept(builder);
        builder.editOrNewConfig().withHttp2Disable(true).withRequestRetryBackoffLimit(0).endConfig();
    }
}
