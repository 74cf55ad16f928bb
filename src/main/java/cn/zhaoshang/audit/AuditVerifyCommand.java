package cn.zhaoshang.audit;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar zhaoshang.jar audit-verify}: checks the whole hash chain of the audit trail on the configured
 * database and names the first altered row. Exit code 0 when intact, 1 when not.
 */
public final class AuditVerifyCommand {

    public static final String NAME = "audit-verify";

    private AuditVerifyCommand() {
    }

    public static boolean requested(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    public static int run(Class<?> application, String[] args) {
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(rest)) {
            AuditTrail.Verification v = context.getBean(AuditTrail.class).verify();
            if (v.intact()) {
                System.out.println("审计日志完整：共 " + v.rows() + " 行，哈希链校验通过。");
                return 0;
            }
            System.out.println("审计日志被篡改：第一处异常在 id=" + v.firstAlteredId() + " 的行，" + v.problem() + "。");
            return 1;
        }
    }
}
