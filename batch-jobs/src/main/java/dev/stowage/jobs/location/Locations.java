package dev.stowage.jobs.location;

import dev.stowage.jobs.InvalidRequestException;
import dev.stowage.jobs.StowageProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured storage locations, plus the embedded default {@code local} (a directory under
 * {@code $STOWAGE_HOME/repository}). Every location caches under {@code $STOWAGE_HOME/cache/<name>}
 * unless it names its own cache directory. A location whose settings are incomplete is kept with what
 * is wrong, so that commands using other locations still run and {@code location validate} can say it.
 */
public final class Locations {

    /** Name of the embedded default location. */
    public static final String EMBEDDED = "local";

    private final Map<String, Location> byName = new LinkedHashMap<>();
    private final Map<String, String> invalid = new LinkedHashMap<>();

    public Locations(StowageProperties properties) {
        Path embeddedPath = properties.home().resolve("repository");
        LocationProperties local = properties.locations().get(EMBEDDED);
        if (local == null) {
            local = LocationProperties.atPath(embeddedPath);
        } else if (local.path() == null && local.bucket() == null && local.endpoint() == null) {
            local = local.withPath(embeddedPath);
        }
        boolean atDefault = local.path() != null && local.path().toAbsolutePath().normalize().equals(embeddedPath);
        add(EMBEDDED, local, atDefault, properties.home());
        properties.locations().entrySet().stream()
                .filter(e -> !e.getKey().equals(EMBEDDED))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> add(e.getKey(), e.getValue(), false, properties.home()));
    }

    private void add(String name, LocationProperties settings, boolean embedded, Path home) {
        try {
            byName.put(name, new Location(name, settings.toSpec(name, home.resolve("cache").resolve(name)),
                    settings.passwordFile(), embedded));
        } catch (IllegalArgumentException e) {
            invalid.put(name, e.getMessage());
        }
    }

    /**
     * The location with this name; {@link InvalidRequestException} naming the known ones when there is
     * none, or saying what to set when its settings are incomplete.
     */
    public Location get(String name) {
        Location location = byName.get(name);
        if (location != null) {
            return location;
        }
        if (invalid.containsKey(name)) {
            throw new InvalidRequestException(invalid.get(name));
        }
        throw new InvalidRequestException("unknown location '" + name + "': configured locations are "
                + String.join(", ", names()) + " (add one under stowage.locations." + name
                + " in the configuration)");
    }

    /** Every configured name, usable or not, the embedded default first. */
    public List<String> names() {
        List<String> names = new ArrayList<>(byName.keySet());
        invalid.keySet().stream().filter(name -> !names.contains(name)).forEach(names::add);
        return names;
    }

    /** The usable locations, the embedded default first. */
    public List<Location> all() {
        return new ArrayList<>(byName.values());
    }

    /** Locations whose settings are incomplete, with what to set. */
    public Map<String, String> invalid() {
        return Map.copyOf(invalid);
    }
}
