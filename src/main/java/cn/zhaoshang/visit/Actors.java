package cn.zhaoshang.visit;

import cn.zhaoshang.identity.CurrentUser;
import cn.zhaoshang.region.Region;
import cn.zhaoshang.region.Regions;
import org.springframework.stereotype.Component;

/** The signed-in user as an {@link Actor}. */
@Component
class Actors {

    private final CurrentUser currentUser;
    private final Regions regions;

    Actors(CurrentUser currentUser, Regions regions) {
        this.currentUser = currentUser;
        this.regions = regions;
    }

    Actor current() {
        String region = currentUser.regionCode().flatMap(regions::resolve).map(Region::code).orElse(null);
        return new Actor(currentUser.username(), currentUser.scope(), region);
    }
}
