package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.Map;

/**
 * Reads a NetworkPolicy as Kubernetes does for the {@code matchLabels} selectors AAPF writes (no expressions, no
 * ipBlocks: a policy using them fails the test), to tell whether a peer may connect to a selected pod.
 */
final class NetworkPolicyRules {

    private NetworkPolicyRules() {
    }

    /** True when the policy applies to {@code pod} (same namespace, labels match its pod selector). */
    static boolean selects(NetworkPolicy policy, Pod pod) {
        return policy.getMetadata().getNamespace().equals(pod.getMetadata().getNamespace())
                && matches(policy.getSpec().getPodSelector(), pod.getMetadata().getLabels());
    }

    /** True when a pod with {@code podLabels} in a namespace named {@code namespace} is let in by some rule. */
    static boolean admits(NetworkPolicy policy, String namespace, Map<String, String> namespaceLabels,
            Map<String, String> podLabels) {
        Map<String, String> nsLabels = new java.util.HashMap<>(namespaceLabels);
        nsLabels.put(NetworkPolicyManifests.NAMESPACE_NAME_LABEL, namespace);
        for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
            if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                return true;
            }
            for (NetworkPolicyPeer peer : rule.getFrom()) {
                if (peer.getIpBlock() != null) {
                    throw new AssertionError("ipBlock peers are not understood by this test helper");
                }
                boolean namespaceOk = peer.getNamespaceSelector() == null
                        ? namespace.equals(policy.getMetadata().getNamespace())
                        : matches(peer.getNamespaceSelector(), nsLabels);
                boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), podLabels);
                if (namespaceOk && podOk) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new AssertionError("matchExpressions are not understood by this test helper");
        }
        Map<String, String> wanted = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return labels != null && labels.entrySet().containsAll(wanted.entrySet());
    }
}
