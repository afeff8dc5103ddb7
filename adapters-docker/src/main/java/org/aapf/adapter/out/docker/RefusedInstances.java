package org.aapf.adapter.out.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.domain.cluster.Alert;
import org.aapf.domain.cluster.ClusterId;

/**
 * Instances the engine cannot run at all, remembered so that {@code observe()} reports them as failed with the reason
 * (there is no container to observe): an image that is missing (pulled first when configured), or a create or start
 * the engine refused, such as more CPUs than the host has or a GPU request on a host without the NVIDIA runtime.
 */
final class RefusedInstances {

    private static final System.Logger LOG = System.getLogger(RefusedInstances.class.getName());
    private static final long PULL_TIMEOUT_MINUTES = 30;

    private final DockerClient client;
    private final boolean pull;
    private final Map<InstanceRef, ObservedInstance> failed = new ConcurrentHashMap<>();

    RefusedInstances(DockerClient client, boolean pull) {
        this.client = client;
        this.pull = pull;
    }

    /** True when the image is available; otherwise records the instance as failed and returns false. */
    boolean ensureAvailable(DesiredInstance desired) {
        if (present(desired.image()) || (pull && pulled(desired.image()))) {
            failed.remove(desired.ref());
            return true;
        }
        refuse(desired, "ImageMissing", "The image '" + desired.image() + "' is not available on the Docker engine"
                + (pull ? " and could not be pulled" : ""));
        return false;
    }

    /** Records that the engine refused to create or start the instance, with the engine's own explanation. */
    void refuse(DesiredInstance desired, String reason, String message) {
        Alert alert = new Alert(Alert.Level.ERROR, reason, message, Instant.now());
        failed.put(desired.ref(), new ObservedInstance(desired.ref(), desired.owner(), desired.specHash(),
                ObservedInstance.Phase.FAILED, Optional.empty(), List.of(alert), Instant.now(), false));
    }

    /** Why the image cannot be used, naming the fix; empty when it is on the engine or will be pulled. */
    Optional<String> problem(String image) {
        if (pull || present(image)) {
            return Optional.empty();
        }
        return Optional.of("the image '" + image + "' is not on the Docker engine: run 'docker pull " + image
                + "' (or build it), or set backend.docker.pullMissingImages: true");
    }

    Collection<ObservedInstance> failedInstances() {
        return List.copyOf(failed.values());
    }

    void forget(InstanceRef ref) {
        failed.remove(ref);
    }

    void forgetCluster(ClusterId cluster) {
        failed.keySet().removeIf(ref -> ref.cluster().equals(cluster));
    }

    private boolean present(String image) {
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private boolean pulled(String image) {
        try {
            return client.pullImageCmd(image).start().awaitCompletion(PULL_TIMEOUT_MINUTES, TimeUnit.MINUTES)
                    && present(image);
        } catch (DockerException e) {
            LOG.log(Level.WARNING, "Pulling image " + image + " failed: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
