package cn.zhaoshang.project;

import java.util.Optional;

/** Whether the importing user may write a row: empty when allowed, else the Chinese reason. */
@FunctionalInterface
public interface RowGuard {

    Optional<String> check(ProjectDraft draft);

    static RowGuard allowAll() {
        return d -> Optional.empty();
    }
}
