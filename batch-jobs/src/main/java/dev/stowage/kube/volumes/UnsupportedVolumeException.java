package dev.stowage.kube.volumes;

/** A selected volume that cannot be read from the kubelet pods directory; discovery turns it into a warning. */
public class UnsupportedVolumeException extends RuntimeException {

    public UnsupportedVolumeException(String message) {
        super(message);
    }
}
