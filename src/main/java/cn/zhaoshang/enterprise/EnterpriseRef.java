package cn.zhaoshang.enterprise;

/** How an uploaded row names an enterprise: by credit code, by name, or both. */
public record EnterpriseRef(String creditCode, String name) {

    public EnterpriseRef {
        creditCode = blankToNull(creditCode);
        name = blankToNull(name);
    }

    // written out: an import looks up two of these per row, and the record's generated methods (method handles) are
    // many times larger for the JIT to compile
    @Override
    public boolean equals(Object o) {
        return o instanceof EnterpriseRef r && java.util.Objects.equals(r.creditCode, creditCode) && java.util.Objects.equals(r.name, name);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(creditCode) + java.util.Objects.hashCode(name);
    }

    public boolean isEmpty() {
        return creditCode == null && name == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
