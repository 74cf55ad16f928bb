package cn.zhaoshang.chain;

/** The chain rename form as typed, with the version that was read. */
public record ChainForm(String name, String version) {

    public static ChainForm of(Chain c) {
        return new ChainForm(c.name(), String.valueOf(c.version()));
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
