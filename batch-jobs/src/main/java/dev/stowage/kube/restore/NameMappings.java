package dev.stowage.kube.restore;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses {@code old:new,old2:new2}, the form {@code --namespace-mappings} and {@code --storage-class-mappings} take. */
final class NameMappings {

    private NameMappings() {
    }

    /** Pairs separated by commas or new lines; null or blank gives no mappings. */
    static Map<String, String> parse(String text, String what) {
        Map<String, String> mappings = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return mappings;
        }
        for (String pair : text.split("[,\\n]")) {
            if (pair.isBlank()) {
                continue;
            }
            int colon = pair.indexOf(':');
            String from = colon < 0 ? "" : pair.substring(0, colon).trim();
            String to = colon < 0 ? "" : pair.substring(colon + 1).trim();
            if (from.isEmpty() || to.isEmpty()) {
                throw new IllegalArgumentException("unable to parse " + what + " \"" + pair.trim()
                        + "\": write old:new pairs separated by commas, e.g. longhorn:proxmox-csi");
            }
            if (mappings.containsKey(from) && !mappings.get(from).equals(to)) {
                throw new IllegalArgumentException(what + " maps " + from + " twice, to " + mappings.get(from)
                        + " and to " + to + "; keep one");
            }
            mappings.put(from, to);
        }
        return mappings;
    }
}
