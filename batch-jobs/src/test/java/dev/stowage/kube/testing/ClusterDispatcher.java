package dev.stowage.kube.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fabric8's CRUD mock API server with what a real API server has and it lacks: discovery documents
 * (built-in groups from recorded documents under {@code kube/discovery/}, CRD groups computed from the
 * stored CRDs), {@code limit}/{@code continue} pagination ({@link ListPager}), CRDs that become
 * Established when created, and failures injected on request. It also records every request, so a
 * test can check the order objects were created in.
 */
public final class ClusterDispatcher extends Dispatcher {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CRD_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
    private static final Pattern GROUP_VERSION = Pattern.compile("^/apis/([^/]+)/([^/]+)$");

    private final KubernetesMixedDispatcher delegate;
    private final ListPager pager = new ListPager(this::forward);
    private final CustomResourceDiscovery customResources = new CustomResourceDiscovery(this::forward);
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean establishCrds = true;

    public ClusterDispatcher(KubernetesMixedDispatcher delegate) {
        this.delegate = delegate;
    }

    /** Answers requests whose method and path (without query) match with an API error. */
    public void fail(String method, String pathRegex, int code, String reason, String message) {
        faults.add(new Fault(method, Pattern.compile(pathRegex), code, reason, message));
    }

    /** Whether created CRDs get the Established condition, as the API server's controller gives it. */
    public void establishCrds(boolean establish) {
        this.establishCrds = establish;
    }

    /** Every request so far, as {@code METHOD /path?query}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        requests.add(request.getMethod() + " " + path);
        for (Fault fault : faults) {
            if (fault.method().equalsIgnoreCase(request.getMethod()) && fault.path().matcher(bare).matches()) {
                return fault.response();
            }
        }
        if (request.method() == HttpMethod.GET) {
            MockResponse discovery = discovery(bare);
            if (discovery != null) {
                return discovery;
            }
            if (ListPager.isPagedList(path)) {
                return pager.page(path);
            }
        }
        if (request.method() == HttpMethod.POST && bare.equals(CRD_PATH) && establishCrds) {
            return delegate.dispatch(withBody(request, established(request.getUtf8Body())));
        }
        return delegate.dispatch(request);
    }

    private MockResponse discovery(String path) {
        switch (path) {
            case "/api":
                return json(200, resource("api.json"));
            case "/api/v1":
                return json(200, resource("core-v1.json"));
            case "/apis":
                return json(200, customResources.addGroups(resource("apis.json")));
            default:
                Matcher groupVersion = GROUP_VERSION.matcher(path);
                if (!groupVersion.matches()) {
                    return null;
                }
                String file = groupVersion.group(1) + "_" + groupVersion.group(2) + ".json";
                if (getClass().getResource("/kube/discovery/" + file) != null) {
                    return json(200, resource(file));
                }
                JsonNode custom = customResources.resources(groupVersion.group(1), groupVersion.group(2));
                return custom == null ? Fault.status(404, "NotFound", "the server could not find the requested resource")
                        : json(200, custom);
        }
    }

    /** What the API server's CRD controller writes once the names are accepted. */
    private static String established(String body) {
        try {
            ObjectNode crd = (ObjectNode) MAPPER.readTree(body);
            ObjectNode status = crd.putObject("status");
            status.set("acceptedNames", crd.path("spec").path("names"));
            ArrayNode conditions = status.putArray("conditions");
            conditions.addObject().put("type", "NamesAccepted").put("status", "True");
            conditions.addObject().put("type", "Established").put("status", "True");
            ArrayNode stored = status.putArray("storedVersions");
            crd.path("spec").path("versions").forEach(v -> {
                if (v.path("storage").asBoolean()) {
                    stored.add(v.path("name").asText());
                }
            });
            return MAPPER.writeValueAsString(crd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MockResponse forward(String method, String path) {
        return delegate.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.valueOf(method), path,
                io.fabric8.mockwebserver.http.Headers.builder().build(), new Buffer()));
    }

    private static RecordedRequest withBody(RecordedRequest request, String body) {
        return new RecordedRequest("HTTP/1.1", request.method(), request.getPath(), request.getHeaders(),
                new Buffer().writeUtf8(body));
    }

    static MockResponse json(int code, JsonNode body) {
        try {
            return new MockResponse().setResponseCode(code).addHeader("Content-Type", "application/json")
                    .setBody(MAPPER.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode body(MockResponse response) {
        try {
            return MAPPER.readTree(new String(response.getBody().getBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode resource(String file) {
        try (InputStream in = ClusterDispatcher.class.getResourceAsStream("/kube/discovery/" + file)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read discovery fixture " + file, e);
        }
    }

    /** An API error to answer a request with. */
    record Fault(String method, Pattern path, int code, String reason, String message) {

        MockResponse response() {
            return status(code, reason, message);
        }

        static MockResponse status(int code, String reason, String message) {
            ObjectNode status = MAPPER.createObjectNode().put("kind", "Status").put("apiVersion", "v1")
                    .put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
            return json(code, status);
        }
    }
}
