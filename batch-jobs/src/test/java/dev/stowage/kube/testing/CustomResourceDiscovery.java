package dev.stowage.kube.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.function.BiFunction;

/**
 * Discovery of custom resources, computed from the CRDs the mock server holds, the way the API
 * server's apiextensions part serves them: each CRD's group in {@code /apis} (preferring its storage
 * version), and its resource, with verbs and short names, under {@code /apis/<group>/<version>}.
 */
final class CustomResourceDiscovery {

    private static final String CRD_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
    private static final String[] VERBS = {"delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"};

    private final BiFunction<String, String, MockResponse> forward;

    CustomResourceDiscovery(BiFunction<String, String, MockResponse> forward) {
        this.forward = forward;
    }

    JsonNode addGroups(JsonNode apis) {
        ObjectNode result = apis.deepCopy();
        ArrayNode groups = (ArrayNode) result.path("groups");
        for (JsonNode crd : crds()) {
            String group = crd.path("spec").path("group").asText();
            boolean known = false;
            for (JsonNode existing : groups) {
                known |= existing.path("name").asText().equals(group);
            }
            if (known) {
                continue;
            }
            ObjectNode entry = groups.addObject().put("name", group);
            ArrayNode versions = entry.putArray("versions");
            for (JsonNode version : crd.path("spec").path("versions")) {
                String name = version.path("name").asText();
                if (version.path("served").asBoolean()) {
                    versions.addObject().put("groupVersion", group + "/" + name).put("version", name);
                }
                if (version.path("storage").asBoolean()) {
                    entry.putObject("preferredVersion").put("groupVersion", group + "/" + name).put("version", name);
                }
            }
        }
        return result;
    }

    /** The resource list of a CRD group version; null when no CRD serves it. */
    JsonNode resources(String group, String version) {
        ObjectNode list = ClusterDispatcher.MAPPER.createObjectNode().put("kind", "APIResourceList")
                .put("apiVersion", "v1").put("groupVersion", group + "/" + version);
        ArrayNode resources = list.putArray("resources");
        for (JsonNode crd : crds()) {
            JsonNode spec = crd.path("spec");
            if (!spec.path("group").asText().equals(group) || !serves(spec, version)) {
                continue;
            }
            JsonNode names = spec.path("names");
            ObjectNode resource = resources.addObject().put("name", names.path("plural").asText())
                    .put("singularName", names.path("singular").asText())
                    .put("namespaced", "Namespaced".equals(spec.path("scope").asText()))
                    .put("kind", names.path("kind").asText());
            ArrayNode verbs = resource.putArray("verbs");
            for (String verb : VERBS) {
                verbs.add(verb);
            }
            if (names.has("shortNames")) {
                resource.set("shortNames", names.path("shortNames"));
            }
        }
        return resources.isEmpty() ? null : list;
    }

    private static boolean serves(JsonNode spec, String version) {
        for (JsonNode v : spec.path("versions")) {
            if (v.path("name").asText().equals(version) && v.path("served").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    private JsonNode crds() {
        MockResponse response = forward.apply("GET", CRD_PATH);
        return response.code() == 200 ? ClusterDispatcher.body(response).path("items")
                : ClusterDispatcher.MAPPER.createArrayNode();
    }
}
