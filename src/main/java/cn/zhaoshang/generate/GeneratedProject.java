package cn.zhaoshang.generate;

import java.time.LocalDate;

/**
 * One generated project, with names rather than ids. Amounts are in cents of their unit (万元 or 万美元), -1 when empty.
 *
 * @param seq       its number in generation order, from 0; ids follow it
 * @param parentSeq the parent's number, -1 for none
 */
record GeneratedProject(long seq, String code, String name, String regionCode, String unit, String chain,
                        Investors.Investor investor, Investors.Investor referrer, long investment, long foreignInvestment,
                        long utilizedForeignCapital, boolean keyProject, LocalDate contactedOn, LocalDate signedOn,
                        LocalDate landedOn, LocalDate startedOn, LocalDate completedOn, LocalDate terminatedOn, String event,
                        boolean onStage, String source, String parentCode, long parentSeq) {

    /** 1234500 → "12345.00": the form the ledger's history keeps amounts in. */
    static String amount(long cents) {
        if (cents < 0) {
            return "";
        }
        long frac = cents % 100;
        return (cents / 100) + (frac < 10 ? ".0" : ".") + frac;
    }

    String stageLabel() {
        if (terminatedOn != null) {
            return "终止";
        }
        if (completedOn != null) {
            return "竣工";
        }
        if (startedOn != null) {
            return "开工";
        }
        if (landedOn != null) {
            return "落地";
        }
        return signedOn != null ? "已签约" : "线索";
    }
}
