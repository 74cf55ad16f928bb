package cn.zhaoshang.report;

import java.util.Arrays;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar zhaoshang.jar totals-verify [--repair]}: checks that the reports' running totals equal a rebuild
 * from the ledger; with {@code --repair} a difference is corrected by keeping the rebuild. Exit code 0 when they were
 * equal (or have been repaired), 1 when not.
 */
public final class TotalsVerifyCommand {

    public static final String NAME = "totals-verify";

    private TotalsVerifyCommand() {
    }

    public static boolean requested(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    public static int run(Class<?> application, String[] args) {
        String[] rest = Arrays.stream(args, 1, args.length).filter(a -> !a.equals("--repair")).toArray(String[]::new);
        boolean repair = Arrays.asList(args).contains("--repair");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(rest)) {
            TotalsCheck.Result r = context.getBean(TotalsCheck.class).run(repair);
            if (r.consistent()) {
                System.out.println("报表累计数一致：" + r.keptRows() + " 行，与按台账重算的结果相同。");
                return 0;
            }
            if (r.repaired()) {
                System.out.println("报表累计数有 " + r.differing() + " 行与按台账重算的结果不同，已改为重算结果（共 " + r.rebuiltRows() + " 行）。");
                return 0;
            }
            System.out.println("报表累计数有 " + r.differing() + " 行与按台账重算的结果不同；加 --repair 改为重算结果。");
            return 1;
        }
    }
}
