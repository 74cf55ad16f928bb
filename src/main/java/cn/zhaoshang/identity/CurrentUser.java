package cn.zhaoshang.identity;

import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.region.Region;
import cn.zhaoshang.region.Regions;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is asking, and the data scope that follows from the account: its region and, for unit staff, its unit. */
@Component
public class CurrentUser {

    private final UserAccounts accounts;
    private final Regions regions;

    CurrentUser(UserAccounts accounts, Regions regions) {
        this.accounts = accounts;
        this.regions = regions;
    }

    public String username() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "system" : a.getName();
    }

    public DataScope scope() {
        UserAccount account = accounts.find(username()).orElse(null);
        if (account == null || account.regionCode() == null) {
            return DataScope.EVERYTHING;
        }
        Region r = regions.resolve(account.regionCode()).orElseThrow();
        Long unit = account.roles().contains(Role.UNIT_STAFF) ? account.unitId() : null;
        return new DataScope(r.rangeFrom(), r.rangeTo(), unit);
    }

    public String displayName() {
        return accounts.find(username()).map(UserAccount::displayName).orElse(username());
    }
}
