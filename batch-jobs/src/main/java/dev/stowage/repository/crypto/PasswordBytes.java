package dev.stowage.repository.crypto;

/**
 * A password's UTF-8 bytes, encoded straight from its characters (never through a String, which would
 * leave a copy that cannot be wiped), the way BouncyCastle's password converter did for the keys made
 * before {@link Argon2id}: a broken surrogate pair is refused, not replaced, so no two passwords that
 * differ only in their invalid characters derive the same key.
 */
final class PasswordBytes {

    private PasswordBytes() {
    }

    static byte[] utf8(char[] password) {
        byte[] out = new byte[encodedLength(password)];
        int at = 0;
        for (int i = 0; i < password.length; i++) {
            char c = password[i];
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                int codePoint = Character.toCodePoint(c, password[++i]); // a valid pair: encodedLength checked
                out[at++] = (byte) (0xF0 | codePoint >> 18);
                out[at++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return out;
    }

    private static int encodedLength(char[] password) {
        int length = 0;
        for (int i = 0; i < password.length; i++) {
            char c = password[i];
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (!Character.isSurrogate(c)) {
                length += 3;
            } else if (Character.isHighSurrogate(c) && i + 1 < password.length
                    && Character.isLowSurrogate(password[i + 1])) {
                length += 4;
                i++;
            } else {
                throw new IllegalArgumentException("the password is not valid UTF-16: a broken surrogate pair at"
                        + " character " + i + "; type it again or choose another");
            }
        }
        return length;
    }
}
