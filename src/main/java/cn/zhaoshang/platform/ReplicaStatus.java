package cn.zhaoshang.platform;

import java.time.Duration;

/**
 * How the report replica stands.
 *
 * @param staleness at most this much of the primary's latest commits is missing on the replica (null: unknown)
 * @param reason    in Chinese, for the log
 */
public record ReplicaStatus(State state, Duration staleness, String reason) {

    public enum State {
        /** replaying, within max-lag: reports read it */
        FRESH,
        /** replaying, but further behind than max-lag (or not yet caught up since the start) */
        LAGGING,
        /** unreachable */
        DOWN,
        /** reachable but not a standby of this primary (another cluster, or promoted) */
        NOT_A_REPLICA,
        /** not yet checked, or the primary could not be asked */
        UNKNOWN
    }

    @Override
    public String toString() {
        return state + (staleness == null ? "" : "（最多落后 " + staleness.toMillis() + " 毫秒）") + "：" + reason;
    }
}
