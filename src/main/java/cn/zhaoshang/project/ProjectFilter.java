package cn.zhaoshang.project;

/**
 * A project list request: text search over name and investor, filters, sort and page.
 *
 * @param sort one of code, name, investment, contactedOn, stage; default newest contact first
 */
public record ProjectFilter(String q, Stage stage, Long unitId, Long chainId, String regionCode, Boolean keyProject,
                            String sort, boolean ascending, int page, int size) {

    public ProjectFilter {
        page = Math.max(page, 0);
        size = size <= 0 ? 20 : Math.min(size, 500);
    }

    public static ProjectFilter firstPage() {
        return new ProjectFilter(null, null, null, null, null, null, null, false, 0, 20);
    }
}
