package dev.stowage.kube.selection;

import java.util.regex.Pattern;

/** A name pattern with {@code *} (any run of characters) and {@code ?} (one character), as Velero's flags take. */
final class Glob {

    private final String text;
    private final Pattern pattern;

    Glob(String text) {
        this.text = text;
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.pattern = Pattern.compile(regex.toString());
    }

    boolean matches(String name) {
        return pattern.matcher(name).matches();
    }

    boolean isLiteral() {
        return text.indexOf('*') < 0 && text.indexOf('?') < 0;
    }

    boolean matchesEverything() {
        return "*".equals(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
