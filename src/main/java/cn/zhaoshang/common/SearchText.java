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

    /**
     * The ids of the projects of regions :rf to :rt whose name contains the text (:text as typed, :q its
     * {@link #containing} pattern): from the search table through its GIN index (V10's pieces), and from the inbox of an
     * import's new projects not merged yet (V27), scanned (it is empty but for seconds after an import).
     */
    public static final String PROJECT_IDS = """
            select n.id from project_name_search n
            where n.region_code between :rf and :rt and name_pieces(n.name) @> search_pieces(cast(:text as text))
              and n.name like :q
            union all
            select i.id from name_search_inbox i
            where i.kind = 'P' and i.region_code between :rf and :rt and i.name like :q""";

    /** The ids of the enterprises whose name contains the text, as {@link #PROJECT_IDS} finds projects. */
    public static final String ENTERPRISE_IDS = """
            select e.id from enterprise_name_search e
            where name_pieces(e.name) @> search_pieces(cast(:text as text)) and e.name like :q
            union all
            select i.id from name_search_inbox i where i.kind = 'E' and i.name like :q""";
}
