package dev.stowage.kube.layout;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.kube.discovery.ApiResourceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** {@code resource-types.json}: the types a backup stored, as discovery described them. */
public final class StoredTypes {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<ApiResourceType> types;

    public StoredTypes(List<ApiResourceType> types) {
        this.types = List.copyOf(types);
    }

    public List<ApiResourceType> types() {
        return types;
    }

    public Optional<ApiResourceType> find(String group, String resource) {
        return types.stream().filter(t -> t.group().equals(group) && t.resource().equals(resource)).findFirst();
    }

    public byte[] toJson() {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(types);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to write " + ResourceTree.TYPES_FILE, e);
        }
    }

    public static StoredTypes fromJson(byte[] json) {
        try {
            return new StoredTypes(MAPPER.readValue(json, new TypeReference<List<ApiResourceType>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read " + ResourceTree.TYPES_FILE + " of the backup: "
                    + e.getMessage(), e);
        }
    }
}
