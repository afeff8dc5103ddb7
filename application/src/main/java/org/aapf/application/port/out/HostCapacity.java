package org.aapf.application.port.out;

/**
 * The most one instance can get on one host of the backend: a Docker engine's machine, or one Kubernetes node's
 * allocatable resources.
 *
 * @param name how the API names the host in a reason, e.g. {@code the Docker host} or {@code node worker-1}
 * @param milliCpu CPU in thousandths of a core
 * @param memoryMiB memory in MiB
 * @param gpus {@code nvidia.com/gpu} the host can give one instance; 0 without a GPU runtime
 */
public record HostCapacity(String name, long milliCpu, long memoryMiB, long gpus) {

    public HostCapacity {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("'name' must not be blank");
        }
        if (milliCpu < 0 || memoryMiB < 0 || gpus < 0) {
            throw new IllegalArgumentException("'capacity' must not be negative");
        }
    }
}
