package cn.zhaoshang.event;

/** The signing event form as typed: name, date (yyyy-MM-dd), place, and the version that was read. */
public record EventForm(String name, String heldOn, String place, String version) {

    public static EventForm of(SigningEvent e) {
        return new EventForm(e.name(), e.heldOn() == null ? "" : e.heldOn().toString(), e.place(), String.valueOf(e.version()));
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
