package dev.stowage.launcher.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** JSON and YAML output of the same records the repository stores, with ISO-8601 times. */
public final class Structured {

    private Structured() {
    }

    /** Built on first use only: a table never pays for Jackson's start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = configure(new ObjectMapper());
    }

    private static final class Yaml {
        static final ObjectMapper MAPPER = configure(new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)));
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Whether {@code format} is printed by {@link #print} (JSON, YAML) rather than by the caller (a table). */
    public static boolean isStructured(OutputFormat format) {
        return format != OutputFormat.TABLE;
    }

    /** Prints {@code value} as JSON or YAML; false for {@link OutputFormat#TABLE}, which the caller renders. */
    public static boolean print(PrintWriter out, OutputFormat format, Object value) {
        try {
            switch (format) {
                case JSON -> out.println(Json.MAPPER.writeValueAsString(value));
                case YAML -> out.print(Yaml.MAPPER.writeValueAsString(value));
                case TABLE -> {
                    return false;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unable to print " + value.getClass().getSimpleName(), e);
        }
        out.flush();
        return true;
    }
}
