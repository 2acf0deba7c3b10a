package org.openhall.attendance.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The attendance rules ({@code openhall.attendance.*}, ATT-1, ATT-3, ATT-4) with the regulations' values as defaults.
 *
 * @param dueBeforeOpening       how long before the hall opens staff are due when no duty hours are set.
 *                               // 窗口服务单位工作人员行为规范 一.17: 工作人员要提前10分钟到岗 — 10 minutes
 * @param noticeAfter            time away from the post beyond which a notice (离岗告知) is needed; away longer without
 *                               one is 脱岗. // 考勤及离岗告知制度 四.1: 需暂时离岗且超过30分钟的,必须履行离岗告知手续 — 30
 *                               minutes; 四.3: 未履行告知手续而擅自离岗的,按旷工或脱岗处理
 * @param lateReturnAsAbsenceAfter back later than the notice's expected return by at most this is 迟到, by more
 *                               脱岗. // 考勤及离岗告知制度 四.3: 履行告知手续而未按时归岗的,按迟到或旷工、脱岗处理 (the
 *                               regulation names both without a limit; 30 minutes, the same as the notice threshold)
 * @param standInRequired        a window with one person needs a stand-in before that person leaves.
 *                               // 考勤及离岗告知制度 三.2: 只有一名工作人员的窗口人员离岗时,由负责人安排好替岗人员后,方可离岗
 * @param leaveWithoutNoticeAfter on approved leave starting during the day: still signed in this long after the leave
 *                               began, without sign-out and without a notice, is 早退. // 考勤及离岗告知制度 四.3 (第二款):
 *                               事先已请假,但未履行离岗告知手续的按早退处理 — the same 30 minutes as 四.1
 */
@ConfigurationProperties("openhall.attendance")
public record AttendanceRules(
        @DefaultValue("10m") Duration dueBeforeOpening,
        @DefaultValue("30m") Duration noticeAfter,
        @DefaultValue("30m") Duration lateReturnAsAbsenceAfter,
        @DefaultValue("true") boolean standInRequired,
        @DefaultValue("30m") Duration leaveWithoutNoticeAfter) {

    /** 考勤及离岗告知制度: the regulation whose clauses the findings cite. */
    public static final String REGULATION = "考勤及离岗告知制度";
    /** 服务窗口人员规范管理制度 第四条1: 按时上下班,不得迟到、早退、擅自离岗 — cited by late sign-in and early sign-out. */
    public static final String CLAUSE_ON_TIME = "服务窗口人员规范管理制度 第四条1；窗口服务单位工作人员行为规范 一.17";
    /** 四.1 and 四.3: away without notice. */
    public static final String CLAUSE_NO_NOTICE = REGULATION + " 四.1、四.3";
    /** 四.3: back later than noticed. */
    public static final String CLAUSE_LATE_RETURN = REGULATION + " 四.3";
    /** 四.3 第二款: on leave without a notice. */
    public static final String CLAUSE_LEAVE_NO_NOTICE = REGULATION + " 四.3（事先已请假，但未履行离岗告知手续的按早退处理）";
    /** 三.3 and 四.3: absent for the day without leave (无请假者视同脱岗; 按旷工处理). */
    public static final String CLAUSE_ABSENT_DAY = REGULATION + " 三.3、四.3";
}
