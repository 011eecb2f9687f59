package dev.stowage.jobs.restore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.stowage.jobs.InvalidRequestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads and writes restore options files ({@link RestoreOptions} as YAML). A mistake in the file is the
 * user's to fix: the error names the file, the option and what it takes.
 */
public final class RestoreOptionsFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private RestoreOptionsFile() {
    }

    public static RestoreOptions read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidRequestException("unable to read restore options file " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** @param source names the text in errors (a file, a ConfigMap) */
    public static RestoreOptions parse(String text, String source) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("restore options " + source + " are empty: give at least "
                    + "`fromBackup: latest` or a backup's name");
        }
        RestoreOptions options;
        try {
            options = YAML.readValue(text, RestoreOptions.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidRequestException("restore options " + source + ": unknown option '" + e.getPropertyName()
                    + "'; known options are " + e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", ")));
        } catch (MismatchedInputException e) {
            throw new InvalidRequestException("restore options " + source + ": " + field(e) + " has the wrong shape ("
                    + "namespaces and resources are lists, mappings are maps of name: name, restoreVolumes is true or "
                    + "false)");
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("restore options " + source + " are not YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()));
        }
        if (options == null || options.fromBackup() == null) {
            throw new InvalidRequestException("restore options " + source + " name no backup: set fromBackup to "
                    + "latest or to a backup's name");
        }
        try {
            options.resources().validate();
            dev.stowage.kube.restore.ExistingResourcePolicy.parse(options.existingResourcePolicy());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("restore options " + source + ": " + e.getMessage());
        }
        return options;
    }

    public static String write(RestoreOptions options) {
        try {
            return YAML.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unable to write restore options", e);
        }
    }

    private static String field(JsonMappingException e) {
        return e.getPath().isEmpty() ? "the file" : "'" + e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")) + "'";
    }
}
