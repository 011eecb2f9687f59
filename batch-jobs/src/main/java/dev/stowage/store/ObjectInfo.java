package dev.stowage.store;

import java.time.Instant;

/** What a listing or a stat tells about one object. */
public record ObjectInfo(String key, long size, Instant lastModified) {
}
