package dev.stowage.launcher.view;

import dev.stowage.jobs.location.Location;
import dev.stowage.store.credentials.CredentialsSpec;
import dev.stowage.store.location.LocationSpec;
import dev.stowage.store.location.LocationType;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Locations as {@code stowage location get} shows them: every setting as it will be used, no secret. */
public final class LocationView {

    private static final long MIB = 1024L * 1024;

    private LocationView() {
    }

    /**
     * One location for JSON and YAML: its settings with the profile's defaults filled in, and where its
     * credentials come from (a file or profile name, never a key).
     */
    public record Shown(String name, String type, String endpoint, String path, String bucket, String prefix,
            String region, String profile, int maxParallelUploads, int packSizeMb, String cacheDirectory,
            long cacheLimitMb, String credentials, String validationFrequency) {

        public static Shown of(Location location) {
            LocationSpec s = location.resolved();
            boolean s3 = s.type() == LocationType.S3;
            return new Shown(location.name(), s.type().name().toLowerCase(Locale.ROOT),
                    s3 ? (s.endpoint() == null ? "AWS S3" : s.endpoint().toString()) : null,
                    s3 ? null : s.path().toString(), s.bucket(), s3 ? s.prefix() : null, s3 ? region(s) : null,
                    s.profile().name().toLowerCase(Locale.ROOT), s.maxParallelUploads(), s.packSizeMb(),
                    s.cacheDirectory() == null ? null : s.cacheDirectory().toString(), s.cacheLimitMb(),
                    s3 ? credentials(s.credentials()) : null, s.validationFrequency().toString());
        }

        private static String region(LocationSpec s) {
            return s.region() == null ? "us-east-1" : s.region();
        }

        private static String credentials(CredentialsSpec credentials) {
            if (credentials.file() != null) {
                return "file " + credentials.file() + (credentials.profile() == null ? ""
                        : ", profile " + credentials.profile());
            }
            return credentials.profile() != null ? "profile " + credentials.profile() + " of the shared file"
                    : "environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)";
        }
    }

    public static void list(PrintWriter out, List<Shown> locations, Map<String, String> invalid) {
        Table table = new Table("NAME", "TYPE", "ENDPOINT/PATH", "BUCKET", "PREFIX", "REGION", "PROFILE", "UPLOADS",
                "PACK", "CACHE");
        for (Shown l : locations) {
            table.row(l.name(), l.type(), l.endpoint() != null ? l.endpoint() : l.path(), dash(l.bucket()),
                    dash(l.prefix()), dash(l.region()), l.profile(), l.maxParallelUploads(),
                    Human.bytes(l.packSizeMb() * MIB), l.cacheDirectory() + " (" + Human.bytes(l.cacheLimitMb() * MIB)
                            + ")");
        }
        table.print(out, "");
        invalid.forEach((name, problem) -> out.println("Location " + name + " cannot be used: " + problem));
        out.flush();
    }

    private static String dash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
