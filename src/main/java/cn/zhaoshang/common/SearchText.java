package cn.zhaoshang.common;

/**
 * What a person typed into a search box, made ready for the search's SQL: every search (projects, enterprises, the
 * visit form's enterprise picker) reads its text through here.
 */
public final class SearchText {

    private SearchText() {
    }

    /**
     * The text to search for: without control characters (nobody searches for them, and PostgreSQL refuses U+0000 in a
     * statement's text) and without the whitespace around it; null when nothing is left, which searches nothing.
     */
    public static String of(String typed) {
        if (typed == null) {
            return null;
        }
        String text = Unprintable.removed(typed).strip();
        return text.isEmpty() ? null : text;
    }

    /** A LIKE pattern (default escape \) that finds what contains {@code text}, its % _ and \ taken as themselves. */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
