package dev.stowage.kube.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.kube.discovery.ApiResourceType;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Cleaning, skip rules and volume bindings on single objects. */
class ObjectPreparationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ApiResourceType CONFIG_MAPS = ApiResourceType.of("v1", "configmaps", "ConfigMap", true);
    private static final ApiResourceType PODS = ApiResourceType.of("v1", "pods", "Pod", true);
    private static final ApiResourceType PVS = ApiResourceType.of("v1", "persistentvolumes", "PersistentVolume", false);
    private static final ApiResourceType SECRETS = ApiResourceType.of("v1", "secrets", "Secret", true);

    @Test
    void serverOwnedMetadataAndStatusAreRemovedAndTheRestKept() throws IOException {
        ObjectNode object = json("{\"metadata\":{\"name\":\"c\",\"namespace\":\"n\",\"uid\":\"u\",\"resourceVersion\":\"7\","
                + "\"creationTimestamp\":\"t\",\"generation\":3,\"managedFields\":[],\"labels\":{\"a\":\"b\"}},"
                + "\"data\":{\"k\":\"v\"},\"status\":{\"x\":1}}");

        ObjectCleaner.clean(CONFIG_MAPS, object, false);

        assertThat(object.toString()).isEqualTo(
                "{\"metadata\":{\"name\":\"c\",\"namespace\":\"n\",\"labels\":{\"a\":\"b\"}},\"data\":{\"k\":\"v\"}}");
    }

    @Test
    void statusStaysWhenItIsTheData() throws IOException {
        ObjectNode object = json("{\"metadata\":{\"name\":\"c\"},\"status\":{\"certificate\":\"abc\"}}");

        ObjectCleaner.clean(CONFIG_MAPS, object, true);

        assertThat(object.path("status").path("certificate").asText()).isEqualTo("abc");
    }

    @Test
    void aServiceAccountTokenSecretLosesItsOldToken() throws IOException {
        ObjectNode token = json("{\"metadata\":{\"name\":\"t\"},\"type\":\"kubernetes.io/service-account-token\","
                + "\"data\":{\"token\":\"ZXlK\"}}");
        ObjectNode opaque = json("{\"metadata\":{\"name\":\"o\"},\"type\":\"Opaque\",\"data\":{\"k\":\"dg==\"}}");

        ObjectCleaner.clean(SECRETS, token, false);
        ObjectCleaner.clean(SECRETS, opaque, false);

        assertThat(token.has("data")).isFalse();
        assertThat(opaque.path("data").path("k").asText()).isEqualTo("dg==");
    }

    @Test
    void mirrorPodsAndControllerOwnedPodsAreSkippedButOwnedByNonControllersAreNot() throws IOException {
        assertThat(SkipRules.reason(PODS, json("{\"metadata\":{\"name\":\"p\",\"annotations\":"
                + "{\"kubernetes.io/config.mirror\":\"x\"}}}"))).hasValueSatisfying(r -> assertThat(r).contains("static pod"));
        assertThat(SkipRules.reason(PODS, json("{\"metadata\":{\"name\":\"p\",\"ownerReferences\":"
                + "[{\"kind\":\"Thing\",\"name\":\"t\",\"controller\":false}]}}"))).isEmpty();
    }

    @Test
    void aClaimKeepsItsVolumeOnlyWhenTheVolumeWasRestored() throws IOException {
        VolumeBindings bindings = new VolumeBindings();
        bindings.volumeRestored("static-pv");
        ObjectNode bound = json("{\"metadata\":{\"name\":\"a\",\"annotations\":{\"pv.kubernetes.io/bind-completed\":\"yes\","
                + "\"volume.kubernetes.io/selected-node\":\"node-1\"}},\"spec\":{\"volumeName\":\"static-pv\"}}");
        ObjectNode unbound = json("{\"metadata\":{\"name\":\"b\",\"ownerReferences\":[{\"kind\":\"StatefulSet\"}],"
                + "\"annotations\":{\"pv.kubernetes.io/bind-completed\":\"yes\"}},\"spec\":{\"volumeName\":\"gone-pv\"}}");

        assertThat(bindings.prepareClaim(bound)).isEmpty();
        assertThat(bindings.prepareClaim(unbound)).contains("restored unbound", "gone-pv");

        assertThat(bound.toString()).isEqualTo("{\"metadata\":{\"name\":\"a\",\"annotations\":"
                + "{\"pv.kubernetes.io/bind-completed\":\"yes\"}},\"spec\":{\"volumeName\":\"static-pv\"}}");
        assertThat(unbound.toString()).isEqualTo("{\"metadata\":{\"name\":\"b\",\"annotations\":{}},\"spec\":{}}");
    }

    @Test
    void aRestoredVolumeForgetsTheOldClaimsUid() throws IOException {
        ObjectNode volume = json("{\"metadata\":{\"name\":\"pv\"},\"spec\":{\"claimRef\":{\"namespace\":\"n\",\"name\":\"c\","
                + "\"uid\":\"u\",\"resourceVersion\":\"1\"}}}");

        new VolumeBindings().prepareVolume(volume);

        assertThat(volume.path("spec").path("claimRef").toString()).isEqualTo("{\"namespace\":\"n\",\"name\":\"c\"}");
        assertThat(SkipRules.reason(PVS, volume)).isEmpty();
    }

    @Test
    void aLiveObjectWithMoreFieldsStillMatchesButAChangedListDoesNot() throws IOException {
        ObjectNode desired = json("{\"a\":{\"b\":1,\"c\":[{\"d\":\"x\"}]},\"e\":{}}");

        assertThat(JsonSubset.contains(json("{\"a\":{\"b\":1.0,\"c\":[{\"d\":\"x\",\"z\":2}],\"y\":3}}"), desired)).isTrue();
        assertThat(JsonSubset.contains(json("{\"a\":{\"b\":1,\"c\":[{\"d\":\"x\"},{\"d\":\"y\"}]}}"), desired)).isFalse();
        assertThat(JsonSubset.contains(json("{\"a\":{\"b\":2,\"c\":[{\"d\":\"x\"}]}}"), desired)).isFalse();
    }

    private static ObjectNode json(String text) throws IOException {
        return (ObjectNode) MAPPER.readTree(text);
    }
}
