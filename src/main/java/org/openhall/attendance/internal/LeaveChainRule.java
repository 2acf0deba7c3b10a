package org.openhall.attendance.internal;

import java.math.BigDecimal;
import java.util.List;
import org.openhall.attendance.LeaveType;
import org.openhall.shared.DomainException;

/**
 * Chooses the approval chain of a leave request from its type and length (ATT-2, 考勤及离岗告知制度 三); a pure function
 * of {@link LeaveRules}, without the people (who holds each stage is resolved by {@link LeaveRequests}).
 */
public final class LeaveChainRule {

    /** The rule that chose the chain (stored as {@code att_leave_request.chain}). */
    public enum Kind { UNIT_HEAD, DEPUTY_LEADER, PRINCIPAL_LEADERS, ANNUAL }

    /** The stages in order, whether the approved leave is filed with the centre office, and whether a stand-in is due. */
    public record Plan(Kind kind, List<LeaveStage> stages, boolean fileWithOffice, boolean standInRequired) {
    }

    private LeaveChainRule() {
    }

    /** The plan, or a refusal: over the maximum (except the types without one). */
    static Plan plan(LeaveRules rules, LeaveType type, BigDecimal days) {
        if (days.compareTo(rules.maxDays()) > 0 && !rules.withoutMaximum().contains(type)) {
            throw DomainException.invalid("end", "att.leave.too-long", rules.maxDays().stripTrailingZeros().toPlainString());
        }
        boolean standIn = days.compareTo(rules.standInOver()) > 0;
        if (type == LeaveType.ANNUAL) {
            return new Plan(Kind.ANNUAL, List.copyOf(rules.annualChain()), rules.fileAnnual(), standIn);
        }
        if (days.compareTo(rules.unitHeadUpTo()) <= 0) {
            return new Plan(Kind.UNIT_HEAD, List.of(LeaveStage.UNIT_HEAD), rules.fileUnitHeadApproved(), standIn);
        }
        if (days.compareTo(rules.deputyUpTo()) <= 0) {
            return new Plan(Kind.DEPUTY_LEADER, List.of(LeaveStage.DEPUTY_LEADER), rules.fileDeputyApproved(), standIn);
        }
        return new Plan(Kind.PRINCIPAL_LEADERS, List.of(LeaveStage.PRINCIPAL_LEADERS), rules.filePrincipalApproved(),
                standIn);
    }
}
