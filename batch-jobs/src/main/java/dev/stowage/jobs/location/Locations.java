package dev.stowage.jobs.location;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.StowageProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The configured storage locations, plus the embedded default {@code local}. */
public final class Locations {

    /** Name of the embedded default location. */
    public static final String EMBEDDED = "local";

    private final Map<String, Location> byName = new ConcurrentHashMap<>();
    private final Map<String, LocationProperties> settingsByName = new LinkedHashMap<>();
    private final Path embeddedPath;

    public Locations(StowageProperties properties) {
        embeddedPath = properties.home().resolve("repository");
        LocationProperties local = properties.locations().get(EMBEDDED);
        if (local == null) {
            settingsByName.put(EMBEDDED, LocationProperties.atPath(embeddedPath));
        } else if (local.path() == null && local.bucket() == null && local.endpoint() == null) {
            settingsByName.put(EMBEDDED, local.withPath(embeddedPath));
        } else {
            settingsByName.put(EMBEDDED, local);
        }
        properties.locations().entrySet().stream()
                .filter(e -> !e.getKey().equals(EMBEDDED))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> settingsByName.put(e.getKey(), e.getValue()));
    }

    /**
     * The location with this name; {@link InvalidRequestException} naming the known ones when there is
     * none, or naming the setting to fix when its configuration is incomplete.
     */
    public Location get(String name) {
        Location location = byName.computeIfAbsent(name, this::resolve);
        if (location == null) {
            throw new InvalidRequestException("unknown location '" + name + "': configured locations are "
                    + String.join(", ", names()) + " (add one under stowage.locations." + name
                    + " in the configuration)");
        }
        return location;
    }

    public List<String> names() {
        return new ArrayList<>(settingsByName.keySet());
    }

    private Location resolve(String name) {
        LocationProperties settings = settingsByName.get(name);
        if (settings == null) {
            return null;
        }
        try {
            boolean embedded = name.equals(EMBEDDED) && settings.path() != null
                    && settings.path().toAbsolutePath().normalize().equals(embeddedPath);
            return new Location(name, settings, settings.toSpec(name), embedded);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }
}
