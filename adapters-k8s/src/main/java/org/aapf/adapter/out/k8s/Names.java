package org.aapf.adapter.out.k8s;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.domain.cluster.ClusterId;

/**
 * Deterministic object names: a readable slug plus a hash of the ids, a DNS-1123 label of at most 63 characters
 * (kubespawner's {@code slugs.py} idea). Names are derived from ids only, never from user-chosen text.
 */
final class Names {

    static final int MAX_LENGTH = 63;
    private static final int HASH_LENGTH = 10;

    private Names() {
    }

    /** The name of the pod (and its Service) of one instance. */
    static String instance(String serverId, InstanceRef ref) {
        String readable = "aapf-" + ref.service().apiName() + "-" + ref.index();
        return hashed(readable, serverId, ref.cluster().toString(), ref.service().apiName(),
                Integer.toString(ref.index()));
    }

    /** The name of the per-cluster root ConfigMap and of the cluster's headless Service. */
    static String cluster(String serverId, ClusterId cluster) {
        return hashed("aapf-c", serverId, cluster.toString());
    }

    /** The name of the cluster's workspace PersistentVolumeClaim. */
    static String workspace(String serverId, ClusterId cluster) {
        return hashed("aapf-ws", serverId, cluster.toString());
    }

    /**
     * {@code prefix + id} when that is already a valid label, otherwise a slug of it shortened to leave room for a
     * hash of the whole text, so that two different ids never share a name.
     */
    static String label(String prefix, String id) {
        String whole = prefix + id;
        String slug = slug(whole, MAX_LENGTH);
        return slug.equals(whole) ? slug : hashed(prefix, whole);
    }

    /** A DNS-1123 label from arbitrary text: lower case a-z, 0-9 and '-', starting with a letter. */
    static String slug(String text, int maxLength) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty() || !Character.isLetter(slug.charAt(0))) {
            slug = "x-" + slug;
        }
        if (slug.length() > maxLength) {
            slug = slug.substring(0, maxLength);
        }
        return slug.replaceAll("-+$", "");
    }

    private static String hashed(String readable, String... ids) {
        String slug = slug(readable, MAX_LENGTH - HASH_LENGTH - 1);
        return slug + "-" + hash(ids);
    }

    private static String hash(String... parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
