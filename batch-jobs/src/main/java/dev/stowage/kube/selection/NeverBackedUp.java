package dev.stowage.kube.selection;

import dev.stowage.kube.discovery.ApiResourceType;
import java.util.Set;

/**
 * Types that are never backed up, whatever the filters say: the cluster rebuilds them, they describe
 * one node or one moment, and restoring them would be wrong or rejected. docs/RESOURCES.md lists them
 * with the reason for each; keep the two in step.
 */
public final class NeverBackedUp {

    private static final Set<String> TYPES = Set.of(
            "events", "events.events.k8s.io",                 // a record of moments, not state
            "nodes",                                          // machines join the cluster themselves
            "leases.coordination.k8s.io",                     // leader elections and node heartbeats
            "endpoints", "endpointslices.discovery.k8s.io",   // rebuilt from Services and Pods
            "componentstatuses",                              // computed by the API server
            "controllerrevisions.apps",                       // rebuilt by StatefulSet/DaemonSet controllers
            "csinodes.storage.k8s.io",                        // per node, written by the kubelet
            "volumeattachments.storage.k8s.io",               // attach state of one node and one volume
            "csistoragecapacities.storage.k8s.io",            // published by CSI drivers
            "ipaddresses.networking.k8s.io",                  // Service IP allocations of the API server
            "resourceslices.resource.k8s.io");                // published per node by DRA drivers

    /** Groups served by aggregated APIs whose objects are computed on request (metrics-server). */
    private static final Set<String> GROUPS = Set.of("metrics.k8s.io");

    private NeverBackedUp() {
    }

    public static boolean contains(ApiResourceType type) {
        return TYPES.contains(type.groupResource()) || GROUPS.contains(type.group());
    }

    public static Set<String> types() {
        return TYPES;
    }
}
