package cn.zhaoshang.project;

import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.identity.CurrentUser;
import cn.zhaoshang.region.Regions;
import cn.zhaoshang.unit.Units;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A row may only be written inside the user's scope: its region, and for unit staff its own unit. */
@Component
class ProjectGuards {

    private final CurrentUser currentUser;
    private final Units units;
    private final Regions regions;

    ProjectGuards(CurrentUser currentUser, Units units, Regions regions) {
        this.currentUser = currentUser;
        this.units = units;
        this.regions = regions;
    }

    RowGuard forCurrentUser() {
        DataScope scope = currentUser.scope();
        if (scope.equals(DataScope.EVERYTHING)) {
            return RowGuard.allowAll();
        }
        String unitName = scope.unitId() == null ? null : units.find(scope.unitId()).map(u -> u.name()).orElse(null);
        return draft -> {
            if (!scope.coversRegion(draft.regionCode())) {
                return Optional.of("超出您的数据范围：行政区划" + draft.regionCode() + "（" + regions.name(draft.regionCode()) + "）");
            }
            if (unitName != null && !unitName.equals(draft.unit())) {
                return Optional.of("超出您的数据范围：只能录入本单位（" + unitName + "）的项目");
            }
            return Optional.empty();
        };
    }
}
