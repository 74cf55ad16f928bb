package cn.zhaoshang.generate;

import cn.zhaoshang.project.ProjectDates;
import cn.zhaoshang.project.ProjectDraft;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A generated project as the ledger's history keeps it: the snapshot of {@link ProjectDraft#snapshot()} (so a later
 * import of the same values finds it unchanged).
 */
final class Snapshots {

    private Snapshots() {
    }

    static ProjectDraft draft(GeneratedProject p) {
        return new ProjectDraft(p.code(), p.name(), p.investor() == null ? null : p.investor().name(),
                p.investor() == null ? null : p.investor().creditCode(), p.regionCode(), p.unit(), p.chain(),
                money(p.investment()), money(p.foreignInvestment()), money(p.utilizedForeignCapital()), p.keyProject(),
                new ProjectDates(p.contactedOn(), p.signedOn(), p.landedOn(), p.startedOn(), p.completedOn(), p.terminatedOn()),
                p.event(), p.onStage(), p.source(), p.referrer() == null ? null : p.referrer().name(), p.parentCode());
    }

    private static BigDecimal money(long cents) {
        return cents < 0 ? null : BigDecimal.valueOf(cents, 2);
    }

    /** The snapshot as a JSON object, in the draft's column order. */
    static void snapshotJson(Map<String, String> snapshot, StringBuilder b) {
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : snapshot.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            CopyText.json(b, e.getKey());
            b.append(':');
            CopyText.json(b, e.getValue());
        }
        b.append('}');
    }
}
