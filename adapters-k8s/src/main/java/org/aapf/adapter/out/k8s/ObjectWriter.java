package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.AnyNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The idempotent writes the backend is made of: create unless present, replace when the spec hash differs, delete
 * by label (absent is success). Every name is deterministic, so two callers racing create at most one object.
 */
final class ObjectWriter {

    private static final System.Logger LOG = System.getLogger(ObjectWriter.class.getName());

    private final Optional<String> sharedNamespace;

    /** {@code sharedNamespace} scopes label queries to one namespace; empty searches every namespace. */
    ObjectWriter(Optional<String> sharedNamespace) {
        this.sharedNamespace = sharedNamespace;
    }

    /**
     * The object as stored: the existing one, or {@code wanted} once created (by us or a racing caller).
     *
     * @param kind the operations on this kind, already in {@code wanted}'s namespace (if it has one)
     */
    <T extends HasMetadata, L, R extends Resource<T>> T createIfAbsent(NonNamespaceOperation<T, L, R> kind, T wanted) {
        Resource<T> named = kind.withName(wanted.getMetadata().getName());
        T existing = named.get();
        if (existing != null) {
            return existing;
        }
        try {
            return kind.resource(wanted).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != KubernetesErrors.CONFLICT) {
                throw e;
            }
            return Objects.requireNonNull(named.get(), "created concurrently, then deleted");
        }
    }

    /**
     * Creates {@code wanted}, or replaces an existing object whose spec-hash annotation differs. Pods cannot be
     * changed in place, so a replacement is delete + create; if the old object is still terminating the create
     * conflicts and is left to the next reconciliation, which the deletion event triggers.
     */
    <T extends HasMetadata, L, R extends Resource<T>> void replaceIfChanged(MixedOperation<T, L, R> kind, T wanted) {
        String namespace = wanted.getMetadata().getNamespace();
        String name = wanted.getMetadata().getName();
        T existing = kind.inNamespace(namespace).withName(name).get();
        if (existing != null) {
            if (existing.getMetadata().getDeletionTimestamp() != null || specHash(existing).equals(specHash(wanted))) {
                return;
            }
            LOG.log(Level.INFO, "Replacing {0} {1}/{2}: its spec changed", wanted.getKind(), namespace, name);
            kind.inNamespace(namespace).withName(name).delete();
        }
        try {
            kind.inNamespace(namespace).resource(wanted).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != KubernetesErrors.CONFLICT) {
                throw e;
            }
            LOG.log(Level.DEBUG, "{0} {1}/{2} exists already; left to the next reconciliation",
                    wanted.getKind(), namespace, name);
        }
    }

    /** Deletes every object of this kind carrying all {@code labels}; none found is success. */
    <T extends HasMetadata, L extends KubernetesResourceList<T>, R extends Resource<T>> void deleteAll(
            MixedOperation<T, L, R> kind, Map<String, String> labels, DeletionPropagation propagation) {
        for (T item : scoped(kind).withLabels(labels).list().getItems()) {
            kind.inNamespace(item.getMetadata().getNamespace()).withName(item.getMetadata().getName())
                    .withPropagationPolicy(propagation)
                    .delete();
        }
    }

    /**
     * Sets one label on every object of this kind carrying all {@code labels} (a JSON patch of what changed); an
     * object already labelled so is left alone, one deleted meanwhile is skipped.
     */
    <T extends HasMetadata, L extends KubernetesResourceList<T>, R extends Resource<T>> void labelAll(
            MixedOperation<T, L, R> kind, Map<String, String> labels, String key, String value) {
        for (T item : scoped(kind).withLabels(labels).list().getItems()) {
            if (value.equals(item.getMetadata().getLabels().get(key))) {
                continue;
            }
            try {
                kind.inNamespace(item.getMetadata().getNamespace()).withName(item.getMetadata().getName())
                        .edit(current -> {
                            current.getMetadata().getLabels().put(key, value);
                            return current;
                        });
            } catch (KubernetesClientException e) {
                if (e.getCode() != KubernetesErrors.NOT_FOUND) {
                    throw e;
                }
            }
        }
    }

    /** The objects of this kind in the namespace(s) this backend uses: label queries and the informer. */
    <T, L, R extends Resource<T>> AnyNamespaceOperation<T, L, R> scoped(MixedOperation<T, L, R> kind) {
        return sharedNamespace.<AnyNamespaceOperation<T, L, R>>map(kind::inNamespace).orElseGet(kind::inAnyNamespace);
    }

    private static String specHash(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations == null ? "" : annotations.getOrDefault(Labels.SPEC_HASH, "");
    }
}
