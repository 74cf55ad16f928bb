package cn.zhaoshang;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules are the domain's words; each reaches another only through its top-level package, and there are no cycles. */
class ModularityTest {

    @Test
    void modulesAreRespected() {
        ApplicationModules.of(ZhaoshangApplication.class).verify();
    }
}
