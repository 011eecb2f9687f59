package dev.stowage.repository.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.repository.Documents;
import dev.stowage.repository.RepositoryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The one-maintenance-owner-at-a-time lease: the sealed document {@code documents/maintenance/lease}
 * naming its holder and when it expires. A lease that expired (its holder died) is taken over.
 *
 * <p>Object stores offer no compare-and-swap here, so acquiring is write-then-read-back: two processes
 * that both found the lease free both write, and the one that reads back the other's token backs off.
 * A put being atomic, each read sees one whole lease, so at most one of them keeps it unless their
 * writes and reads interleave exactly; maintenance stays safe even then, because every deletion rule
 * is about time and references, not about who runs (docs/MAINTENANCE.md). The lease saves work and
 * confusion; it is not what keeps data.
 */
public final class MaintenanceLease implements AutoCloseable {

    static final String COLLECTION = "maintenance";
    static final String NAME = "lease";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Documents documents;
    private final String owner;
    private final String token = UUID.randomUUID().toString();
    private final Duration duration;
    private final Clock clock;
    private Instant expires;
    private boolean released;

    private MaintenanceLease(Documents documents, String owner, Duration duration, Clock clock) {
        this.documents = documents;
        this.owner = owner;
        this.duration = duration;
        this.clock = clock;
    }

    /**
     * Takes the lease, or takes over an expired one.
     *
     * @throws LeaseHeldException when another holder's lease has not expired
     */
    static MaintenanceLease acquire(Documents documents, String repositoryId, MaintenanceOptions options) {
        Optional<Held> current = read(documents);
        Instant now = options.clock().instant();
        if (current.isPresent() && current.get().expires().isAfter(now)) {
            throw new LeaseHeldException(repositoryId, current.get().owner(), current.get().expires());
        }
        MaintenanceLease lease = new MaintenanceLease(documents, options.owner(), options.leaseDuration(),
                options.clock());
        lease.write();
        Held back = read(documents).orElseThrow(() -> new RepositoryException("the maintenance lease of repository "
                + repositoryId + " vanished right after it was written; is another maintenance running?"));
        if (!back.token().equals(lease.token)) {
            throw new LeaseHeldException(repositoryId, back.owner(), back.expires());
        }
        return lease;
    }

    /** Extends the lease by its duration from now; fails when another holder took it meanwhile. */
    public void renew() {
        Optional<Held> current = read(documents);
        if (current.isEmpty() || !current.get().token().equals(token)) {
            throw new RepositoryException("the maintenance lease held by " + owner + " was taken over"
                    + current.map(h -> " by " + h.owner()).orElse("") + " while this run went on (it outlived its "
                    + "lease of " + duration + "); this run stops; raise the lease duration");
        }
        write();
    }

    public String owner() {
        return owner;
    }

    public Instant expires() {
        return expires;
    }

    /** Removes the lease if it is still this one. */
    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        if (read(documents).map(h -> h.token().equals(token)).orElse(false)) {
            documents.delete(COLLECTION, NAME);
        }
    }

    private void write() {
        Instant now = clock.instant();
        expires = now.plus(duration);
        ObjectNode json = JSON.createObjectNode();
        json.put("version", 1);
        json.put("owner", owner);
        json.put("token", token);
        json.put("acquired", now.toString());
        json.put("expires", expires.toString());
        documents.put(COLLECTION, NAME, json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Held> read(Documents documents) {
        return documents.get(COLLECTION, NAME).map(MaintenanceLease::parse);
    }

    private static Held parse(byte[] bytes) {
        try {
            JsonNode json = JSON.readTree(bytes);
            if (json.path("version").asInt() != 1) {
                throw new RepositoryException("the maintenance lease has version " + json.path("version")
                        + ", which this version does not know; upgrade Stowage");
            }
            return new Held(json.path("owner").asText(), json.path("token").asText(),
                    Instant.parse(json.path("expires").asText()));
        } catch (IOException | RuntimeException e) {
            if (e instanceof RepositoryException known) {
                throw known;
            }
            throw new RepositoryException("the maintenance lease document is unreadable: " + e.getMessage()
                    + "; delete documents/maintenance/lease if no maintenance is running", e);
        }
    }

    private record Held(String owner, String token, Instant expires) {
    }
}
