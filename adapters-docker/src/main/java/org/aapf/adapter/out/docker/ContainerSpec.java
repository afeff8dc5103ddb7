package org.aapf.adapter.out.docker;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to create one instance's container, computed without talking to the engine.
 *
 * @param command empty means the image's own command
 * @param env {@code NAME=value} entries
 * @param networkAliases names other containers on the cluster network reach this one by
 */
record ContainerSpec(String name, String image, Map<String, String> labels, List<String> command, List<String> env,
        ExposedPort httpPort, HostConfig hostConfig, String network, List<String> networkAliases, String specHash) {

    ContainerSpec {
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(image, "'image' must not be null");
        labels = Map.copyOf(labels);
        command = List.copyOf(command);
        env = List.copyOf(env);
        Objects.requireNonNull(httpPort, "'httpPort' must not be null");
        Objects.requireNonNull(hostConfig, "'hostConfig' must not be null");
        Objects.requireNonNull(network, "'network' must not be null");
        networkAliases = List.copyOf(networkAliases);
        Objects.requireNonNull(specHash, "'specHash' must not be null");
    }
}
