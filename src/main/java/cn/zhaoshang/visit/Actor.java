package cn.zhaoshang.visit;

import cn.zhaoshang.common.DataScope;

/**
 * Who records visits, and within what: the data scope, the region an empty 行政区划代码 stands for (null for an
 * account of the whole country), and for unit staff the unit their new teams belong to.
 */
public record Actor(String username, DataScope scope, String defaultRegion) {

    /** A system job (the demo) that sees everything; every row names its region. */
    public static Actor system(String username) {
        return new Actor(username, DataScope.EVERYTHING, null);
    }

    Long unitId() {
        return scope.unitId();
    }
}
