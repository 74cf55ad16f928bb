package cn.zhaoshang.unit;

/** The three kinds of responsible unit (责任单位) the action plan splits targets over. */
public enum UnitKind {
    DEPARTMENT("市直部门"),
    TOWNSHIP("乡镇（街道）"),
    PARK("工业园区");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A new unit's kind as its name says it: 吴航街道 and 首占镇 are townships, 东南大数据产业园 a park. */
    public static UnitKind infer(String name) {
        if (name.endsWith("街道") || name.endsWith("镇") || name.endsWith("乡")) {
            return TOWNSHIP;
        }
        if (name.contains("园") || name.contains("新城") || name.contains("新区") || name.contains("开发区") || name.contains("基地")) {
            return PARK;
        }
        return DEPARTMENT;
    }
}
