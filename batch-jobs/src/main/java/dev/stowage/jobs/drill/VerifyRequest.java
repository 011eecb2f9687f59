package dev.stowage.jobs.drill;

import dev.stowage.jobs.InvalidRequestException;

/**
 * {@code stowage verify}: a restore drill of a location.
 *
 * @param samplePercent share of each volume's bytes to restore, above 0 and at most 100
 * @param full          restore every file (every pack the latest backups use is read)
 * @param seed          the sample's seed, or null for a random one (the report names it)
 */
public record VerifyRequest(String location, double samplePercent, boolean full, Long seed) {

    public VerifyRequest {
        if (!full && !(samplePercent > 0 && samplePercent <= 100)) {
            throw new InvalidRequestException("--sample-percent must be above 0 and at most 100, not " + samplePercent);
        }
    }
}
