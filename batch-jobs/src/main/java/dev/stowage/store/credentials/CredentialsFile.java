package dev.stowage.store.credentials;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an AWS shared-credentials file, which is also the format of Velero's {@code cloud} secret:
 * <pre>
 * [default]
 * aws_access_key_id = …
 * aws_secret_access_key = …
 * </pre>
 * Sections may be written {@code [name]} or, as in AWS config files, {@code [profile name]}. Lines
 * starting with {@code #} or {@code ;} are comments. Errors name the file and the section, never a
 * value read from it.
 */
public final class CredentialsFile {

    private final String source;
    private final Map<String, Map<String, String>> sections;

    private CredentialsFile(String source, Map<String, Map<String, String>> sections) {
        this.source = source;
        this.sections = sections;
    }

    /**
     * Parses {@code content}; {@code source} names it in errors ("file /etc/stowage/cloud").
     *
     * @throws IllegalArgumentException for a line that is neither a section, a setting nor a comment
     */
    public static CredentialsFile parse(String source, String content) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        String[] lines = content.replace("\uFEFF", "").split("\r?\n|\r");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(sectionName(line), name -> new HashMap<>());
            } else if (line.contains("=") && current != null) {
                int equals = line.indexOf('=');
                current.put(line.substring(0, equals).strip().toLowerCase(Locale.ROOT),
                        line.substring(equals + 1).strip());
            } else {
                // the line may hold a secret: report where it is, not what it says
                throw new IllegalArgumentException("line " + (i + 1) + " of " + source
                        + " is not a [section] or a key = value setting inside one");
            }
        }
        return new CredentialsFile(source, sections);
    }

    public List<String> sectionNames() {
        return new ArrayList<>(sections.keySet());
    }

    /**
     * The access keys in {@code profile}.
     *
     * @throws IllegalArgumentException when the section or one of its two keys is missing
     */
    public AccessKeys accessKeys(String profile) {
        Map<String, String> section = sections.get(profile);
        if (section == null) {
            throw new IllegalArgumentException("no [" + profile + "] section in " + source
                    + (sections.isEmpty() ? " (it has no sections)" : " (sections: " + sectionNames() + ")"));
        }
        String id = required(section, "aws_access_key_id", profile);
        String secret = required(section, "aws_secret_access_key", profile);
        String token = section.get("aws_session_token");
        return new AccessKeys(id, secret, token == null || token.isEmpty() ? null : token);
    }

    private String required(Map<String, String> section, String name, String profile) {
        String value = section.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " is missing or empty in [" + profile + "] of " + source);
        }
        return value;
    }

    private static String sectionName(String line) {
        String name = line.substring(1, line.length() - 1).strip();
        return name.startsWith("profile ") ? name.substring("profile ".length()).strip() : name;
    }
}
