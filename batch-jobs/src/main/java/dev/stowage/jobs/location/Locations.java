package dev.stowage.jobs.location;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.StowageProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured storage locations, plus the embedded default {@code local}. */
public final class Locations {

    /** Name of the embedded default location. */
    public static final String EMBEDDED = "local";

    private final Map<String, Location> byName = new LinkedHashMap<>();

    public Locations(StowageProperties properties) {
        Path embeddedPath = properties.home().resolve("repository");
        LocationProperties local = properties.locations().get(EMBEDDED);
        if (local == null || local.path() == null) {
            LocationProperties settings = local == null ? LocationProperties.atPath(embeddedPath)
                    : new LocationProperties(embeddedPath, local.passwordFile(), local.packSizeMb(),
                            local.maxParallelUploads(), local.cacheDirectory());
            byName.put(EMBEDDED, new Location(EMBEDDED, settings, true));
        } else {
            boolean atDefault = local.path().toAbsolutePath().normalize().equals(embeddedPath);
            byName.put(EMBEDDED, new Location(EMBEDDED, local, atDefault));
        }
        properties.locations().entrySet().stream()
                .filter(e -> !e.getKey().equals(EMBEDDED))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> byName.put(e.getKey(), new Location(e.getKey(), e.getValue(), false)));
    }

    /** The location with this name; {@link InvalidRequestException} naming the known ones when there is none. */
    public Location get(String name) {
        Location location = byName.get(name);
        if (location == null) {
            throw new InvalidRequestException("unknown location '" + name + "': configured locations are "
                    + String.join(", ", names()) + " (add one under stowage.locations." + name
                    + " in the configuration)");
        }
        return location;
    }

    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    public List<Location> all() {
        return new ArrayList<>(byName.values());
    }
}
