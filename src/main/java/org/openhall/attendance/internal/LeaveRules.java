package org.openhall.attendance.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.openhall.attendance.LeaveType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules that choose a leave request's approval chain ({@code openhall.attendance.leave.*}, ATT-2), with the values of
 * 考勤及离岗告知制度 三 (请销假管理) as defaults. Days are working days of the centre's calendar, in half days.
 *
 * @param unitHeadUpTo       三.1 请假一天以内,由人社所负责人签字批准: up to this many days the unit head (部门负责人 of the
 *                           applicant's department) approves alone. Default 1.
 * @param deputyUpTo         三.1 请假两天以内的由镇、街道分管领导签字批准后报局社管办备案: up to this many days the deputy leader
 *                           in charge of the department (分管领导) approves. Default 2.
 * @param fileDeputyApproved 三.1 …后报局社管办备案: leave approved by the deputy leader is filed with the centre office.
 *                           Default true.
 * @param fileUnitHeadApproved whether leave approved by the unit head alone is filed too (the clause does not ask it).
 *                           Default false.
 * @param filePrincipalApproved whether leave approved by the principal leaders is filed (the clause does not ask it for
 *                           leave over two days). Default false.
 * @param standInOver        三.1 请假两天以上的…共同签字批准,并安排好替岗人员: over this many days the principal leaders
 *                           (主要领导) approve jointly (all of them) and a stand-in (替岗) must be named. Default 2.
 * @param maxDays            三.1 原则上除产假例外,其它各类事、病假请假天数不得超过30天: longer requests are refused. Default 30.
 * @param withoutMaximum     the types {@code maxDays} does not apply to (三.1 除产假例外). Default MATERNITY.
 * @param annualChain        公休假由镇、街道和局主要领导共同签字批准,报局社管办备案 (三, after 3.): the stages of annual
 *                           leave (公休假), whatever its length. Default PRINCIPAL_LEADERS. A centre that lets the unit head
 *                           approve annual leave sets {@code UNIT_HEAD}.
 * @param fileAnnual         公休假…报局社管办备案: annual leave is filed with the centre office. Default true.
 * @param emergencyAllowed   三.3 如遇到紧急情况临时请假的,需及时告知人社所负责人,事后补办请假手续: a request may be filed after
 *                           the leave began (事后补办); its chain is the one its length chooses. Default true.
 */
@ConfigurationProperties("openhall.attendance.leave")
public record LeaveRules(
        @DefaultValue("1") BigDecimal unitHeadUpTo,
        @DefaultValue("2") BigDecimal deputyUpTo,
        @DefaultValue("true") boolean fileDeputyApproved,
        @DefaultValue("false") boolean fileUnitHeadApproved,
        @DefaultValue("false") boolean filePrincipalApproved,
        @DefaultValue("2") BigDecimal standInOver,
        @DefaultValue("30") BigDecimal maxDays,
        @DefaultValue("MATERNITY") Set<LeaveType> withoutMaximum,
        @DefaultValue("PRINCIPAL_LEADERS") List<LeaveStage> annualChain,
        @DefaultValue("true") boolean fileAnnual,
        @DefaultValue("true") boolean emergencyAllowed) {

    /** The regulation's values (for unit tests and tools without Spring). */
    public static LeaveRules defaults() {
        return new LeaveRules(BigDecimal.ONE, BigDecimal.TWO, true, false, false, BigDecimal.TWO, new BigDecimal(30),
                Set.of(LeaveType.MATERNITY), List.of(LeaveStage.PRINCIPAL_LEADERS), true, true);
    }
}
