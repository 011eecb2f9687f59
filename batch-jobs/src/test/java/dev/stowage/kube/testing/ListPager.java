package dev.stowage.kube.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Serves list requests a page at a time, as the API server does for {@code limit}: the CRUD mock
 * ignores {@code limit} and {@code continue}, so the full list is fetched from it and cut here. The
 * continue token is opaque to clients, as on a real server.
 */
final class ListPager {

    private final BiFunction<String, String, MockResponse> forward;

    ListPager(BiFunction<String, String, MockResponse> forward) {
        this.forward = forward;
    }

    /** A GET of a collection (not one object, not a watch) with a {@code limit}. */
    static boolean isPagedList(String path) {
        int query = path.indexOf('?');
        if (query < 0) {
            return false;
        }
        Map<String, String> parameters = parameters(path.substring(query + 1));
        if (!parameters.containsKey("limit") || "true".equals(parameters.get("watch"))) {
            return false;
        }
        String bare = path.substring(0, query);
        String rest = bare.startsWith("/api/v1/") ? bare.substring("/api/v1/".length())
                : bare.startsWith("/apis/") ? afterGroupVersion(bare) : null;
        if (rest == null) {
            return false;
        }
        String[] segments = rest.split("/");
        return segments.length == 1 || segments.length == 3 && segments[0].equals("namespaces");
    }

    MockResponse page(String path) {
        int query = path.indexOf('?');
        Map<String, String> parameters = parameters(path.substring(query + 1));
        int limit = Integer.parseInt(parameters.remove("limit"));
        String token = parameters.remove("continue");
        int offset = token == null ? 0 : Integer.parseInt(new String(Base64.getUrlDecoder().decode(token),
                StandardCharsets.UTF_8).substring("offset:".length()));
        List<String> rest = new ArrayList<>();
        parameters.forEach((k, v) -> rest.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
        MockResponse full = forward.apply("GET", path.substring(0, query) + (rest.isEmpty() ? "" : "?" + String.join("&", rest)));
        if (full.code() != 200) {
            return full;
        }
        ObjectNode list = (ObjectNode) ClusterDispatcher.body(full);
        ArrayNode items = (ArrayNode) list.path("items");
        ArrayNode page = list.arrayNode();
        for (int i = offset; i < Math.min(items.size(), offset + limit); i++) {
            page.add(items.get(i));
        }
        list.set("items", page);
        ObjectNode metadata = list.withObjectProperty("metadata");
        int next = offset + limit;
        if (next < items.size()) {
            metadata.put("continue", Base64.getUrlEncoder().encodeToString(("offset:" + next).getBytes(StandardCharsets.UTF_8)));
            metadata.put("remainingItemCount", items.size() - next);
        }
        return ClusterDispatcher.json(200, list);
    }

    private static String afterGroupVersion(String path) {
        String[] parts = path.split("/", 5);
        return parts.length == 5 ? parts[4] : null;
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.put(key, value);
        }
        return parameters;
    }
}
