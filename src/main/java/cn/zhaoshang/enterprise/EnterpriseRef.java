package cn.zhaoshang.enterprise;

/** How an uploaded row names an enterprise: by credit code, by name, or both. */
public record EnterpriseRef(String creditCode, String name) {

    public EnterpriseRef {
        creditCode = blankToNull(creditCode);
        name = blankToNull(name);
    }

    public boolean isEmpty() {
        return creditCode == null && name == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
