package dev.stowage.kube.volumes;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeSpec;

/**
 * Where the kubelet mounts a pod's volumes: {@code <root>/<pod-uid>/volumes/<plugin~name>/<volume>}.
 * The root is {@code /var/lib/kubelet/pods} on most distributions, {@code /opt/rke/var/lib/kubelet/pods}
 * on RKE and {@code /var/vcap/data/kubelet/pods} on TKGI. Paths here are relative to the root.
 */
public final class KubeletPaths {

    public static final String DEFAULT_ROOT = "/var/lib/kubelet/pods";

    static final String CSI = "kubernetes.io~csi";
    static final String EMPTY_DIR = "kubernetes.io~empty-dir";

    private KubeletPaths() {
    }

    /** An emptyDir is a directory named after the volume. */
    public static String emptyDir(String podUid, String volume) {
        return podUid + "/volumes/" + EMPTY_DIR + "/" + volume;
    }

    /**
     * A claim's volume is a directory named after its PersistentVolume, under the plugin that mounts it;
     * a CSI driver's mount is the {@code mount} directory inside it.
     *
     * @throws UnsupportedVolumeException for a hostPath or block-mode volume, which is not a directory
     *                                    of the pods tree
     */
    public static String persistentVolume(String podUid, PersistentVolume pv) {
        PersistentVolumeSpec spec = pv.getSpec();
        String name = pv.getMetadata().getName();
        if ("Block".equals(spec.getVolumeMode())) {
            throw new UnsupportedVolumeException("persistent volume " + name
                    + " is a raw block device (volumeMode Block); only filesystem volumes are backed up");
        }
        if (spec.getHostPath() != null) {
            throw new UnsupportedVolumeException("persistent volume " + name + " is a hostPath volume ("
                    + spec.getHostPath().getPath() + "), which is never backed up from pods");
        }
        if (spec.getCsi() != null) {
            return podUid + "/volumes/" + CSI + "/" + name + "/mount";
        }
        return podUid + "/volumes/" + inTreePlugin(spec, name) + "/" + name;
    }

    private static String inTreePlugin(PersistentVolumeSpec spec, String name) {
        if (spec.getLocal() != null) {
            return "kubernetes.io~local-volume";
        }
        if (spec.getNfs() != null) {
            return "kubernetes.io~nfs";
        }
        if (spec.getFlexVolume() != null) {
            // a FlexVolume driver "vendor/driver" mounts under "vendor~driver"
            return spec.getFlexVolume().getDriver().replace('/', '~');
        }
        if (spec.getIscsi() != null) {
            return "kubernetes.io~iscsi";
        }
        if (spec.getFc() != null) {
            return "kubernetes.io~fc";
        }
        if (spec.getRbd() != null) {
            return "kubernetes.io~rbd";
        }
        if (spec.getCephfs() != null) {
            return "kubernetes.io~cephfs";
        }
        if (spec.getGlusterfs() != null) {
            return "kubernetes.io~glusterfs";
        }
        if (spec.getAwsElasticBlockStore() != null) {
            return "kubernetes.io~aws-ebs";
        }
        if (spec.getGcePersistentDisk() != null) {
            return "kubernetes.io~gce-pd";
        }
        if (spec.getAzureDisk() != null) {
            return "kubernetes.io~azure-disk";
        }
        if (spec.getAzureFile() != null) {
            return "kubernetes.io~azure-file";
        }
        if (spec.getCinder() != null) {
            return "kubernetes.io~cinder";
        }
        if (spec.getVsphereVolume() != null) {
            return "kubernetes.io~vsphere-volume";
        }
        if (spec.getPortworxVolume() != null) {
            return "kubernetes.io~portworx-volume";
        }
        if (spec.getQuobyte() != null) {
            return "kubernetes.io~quobyte";
        }
        if (spec.getScaleIO() != null) {
            return "kubernetes.io~scaleio";
        }
        if (spec.getStorageos() != null) {
            return "kubernetes.io~storageos";
        }
        throw new UnsupportedVolumeException("persistent volume " + name + " has a volume source Stowage does "
                + "not know where the kubelet mounts");
    }
}
