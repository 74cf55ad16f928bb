package cn.zhaoshang.web;

import cn.zhaoshang.unit.Unit;

/** The unit edit form as typed: name, kind (UnitKind name) and the version that was read. */
record UnitForm(String name, String kind, String version) {

    public static UnitForm of(Unit u) {
        return new UnitForm(u.name(), u.kind().name(), String.valueOf(u.version()));
    }

    /** The version read; a missing or tampered one can only conflict. */
    public int versionNumber() {
        try {
            return Integer.parseInt(version.trim());
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
