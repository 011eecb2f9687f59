package dev.stowage.kube.restore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Whether a live object already holds everything a backed-up object says. The live one has more (the
 * server's defaults, status); only fields present in the backed-up one count. Lists must match item
 * by item, since a merge patch replaces them whole.
 */
final class JsonSubset {

    private JsonSubset() {
    }

    static boolean contains(JsonNode actual, JsonNode expected) {
        if (expected == null || expected.isNull() || expected.isMissingNode()) {
            return actual == null || actual.isNull() || actual.isMissingNode();
        }
        if (actual == null || actual.isMissingNode() || actual.isNull()) {
            // Servers drop empty maps and lists ({} annotations, [] finalizers) on the way in.
            return expected.isContainerNode() && expected.isEmpty();
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!contains(actual.path(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!contains(actual.get(i), expected.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }
}
