package cn.zhaoshang.identity;

import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.region.Region;
import cn.zhaoshang.region.Regions;
import java.util.Set;
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

    /** The one place a data scope is made; every list, report and lookup takes it. */
    public DataScope scope() {
        UserAccount account = accounts.find(username()).orElse(null);
        if (account == null) {
            return new DataScope("999999", "000000", -1L); // matches nothing
        }
        Long unit = account.roles().contains(Role.UNIT_STAFF) ? (account.unitId() == null ? -1L : account.unitId()) : null;
        if (account.regionCode() == null) {
            return unit == null ? DataScope.EVERYTHING : new DataScope("000000", "999999", unit);
        }
        Region r = regions.resolve(account.regionCode()).orElseThrow();
        return new DataScope(r.rangeFrom(), r.rangeTo(), unit);
    }

    public String displayName() {
        return accounts.find(username()).map(UserAccount::displayName).orElse(username());
    }

    public boolean can(Permission permission) {
        return Can.holds(permission.code());
    }

    public Set<Role> roles() {
        return accounts.find(username()).map(UserAccount::roles).orElse(Set.of());
    }

    /** The account's home region, if it has one (for default report pickers). */
    public java.util.Optional<String> regionCode() {
        return accounts.find(username()).map(UserAccount::regionCode);
    }
}
