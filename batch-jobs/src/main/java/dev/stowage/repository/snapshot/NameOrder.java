package dev.stowage.repository.snapshot;

import java.util.Comparator;

/**
 * Orders entry names by their UTF-8 bytes, compared unsigned, the order trees are written in.
 * UTF-8 preserves code point order, so comparing code points gives the same result without
 * encoding (unlike {@link String#compareTo}, which compares UTF-16 units and puts supplementary
 * characters before U+E000..U+FFFF).
 */
public final class NameOrder implements Comparator<String> {
    public static final NameOrder INSTANCE = new NameOrder();

    private NameOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
