package org.openhall.duty.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.OpeningHours;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of the supervisor's day ({@code openhall.duty.day.*}, DUTY-3..DUTY-5), with the regulation's values as
 * defaults. Sources: 上杭县社会保障服务中心督导员值班制度 (seed 001, "督导员值班制度" below), 行政服务中心值班制度 (seed 001).
 *
 * @param opening          DUTY-3, the opening checklist. Default: 督导员值班制度 四.4 "每天提前10分钟到办公场所，负责联系保安开启
 *                         中心窗口安全门" — contact security to open the security door, due 10 minutes before work.
 * @param closing          DUTY-3, the closing checklist. Defaults: 督导员值班制度 四.4 "每天下班前10分钟，负责联系保安关闭中心窗口
 *                         安全门" (due 10 minutes before the end of work); "检查办公大楼内灯光、饮水机等电源、玻璃门窗关闭情况"
 *                         and "下班后负责联系保安关闭中心办公大楼前大门" (the clause gives no time: due within
 *                         {@code afterWorkAllowance} after work).
 * @param submitBy         DUTY-4, 督导员值班制度 四.5 "于下午下班前……将当日督导值班记录交中心办公室": the record is due this long
 *                         after the end of work; a later submission is marked late. The record needs the closing
 *                         checklist, whose last item of 四.4 ("下班后……关闭中心办公大楼前大门") comes after work, so the
 *                         default is the same allowance as those items: 30 minutes.
 * @param notAtPostClause  DUTY-5: the clause an inspection finding "not at post" (到岗) cites when it is recorded as an
 *                         attendance finding. Default 督导员值班制度 三.1.
 * @param overviewDays     how many days back the centre office's overview starts by default. Default 31.
 */
@ConfigurationProperties("openhall.duty.day")
public record DutyDayRules(
        @Nullable List<ChecklistItem> opening,
        @Nullable List<ChecklistItem> closing,
        @DefaultValue("30m") Duration submitBy,
        @DefaultValue("上杭县社会保障服务中心督导员值班制度 三.1") String notAtPostClause,
        @DefaultValue("31") int overviewDays) {

    /** 督导员值班制度 四.4: the items after work have no time of their own; they are due within this allowance. */
    static final int AFTER_WORK_ALLOWANCE_MINUTES = 30;

    public DutyDayRules {
        if (opening == null || opening.isEmpty()) {
            // 督导员值班制度 四.4: 每天提前10分钟到办公场所，负责联系保安开启中心窗口安全门
            opening = List.of(new ChecklistItem("open-security-door", Anchor.OPENS, -10, null));
        }
        if (closing == null || closing.isEmpty()) {
            closing = List.of(
                    // 四.4: 每天下班前10分钟，负责联系保安关闭中心窗口安全门
                    new ChecklistItem("close-security-door", Anchor.CLOSES, -10, null),
                    // 四.4: 检查办公大楼内灯光、饮水机等电源
                    new ChecklistItem("power-off", Anchor.CLOSES, AFTER_WORK_ALLOWANCE_MINUTES, null),
                    // 四.4: 玻璃门窗关闭情况
                    new ChecklistItem("doors-windows", Anchor.CLOSES, AFTER_WORK_ALLOWANCE_MINUTES, null),
                    // 四.4: 下班后负责联系保安关闭中心办公大楼前大门
                    new ChecklistItem("main-door", Anchor.CLOSES, AFTER_WORK_ALLOWANCE_MINUTES, null));
        }
        opening = List.copyOf(opening);
        closing = List.copyOf(closing);
        for (ChecklistItem i : opening) {
            for (ChecklistItem j : closing) {
                if (i.code().equals(j.code())) {
                    throw new IllegalArgumentException("checklist item " + i.code() + " is both opening and closing");
                }
            }
        }
    }

    /** The time of day an item is anchored to: the opening or the closing of the hall. */
    public enum Anchor { OPENS, CLOSES }

    /** The phase of the day an item belongs to. */
    public enum Phase { OPENING, CLOSING }

    /**
     * One checklist item.
     *
     * @param code          stable code; its label is the message {@code duty.day.item.CODE} unless {@code label} is set
     * @param anchor        the hall's opening or closing time
     * @param offsetMinutes minutes after the anchor (negative: before) by which it is due; a later tick is late
     * @param label         the label of an item the centre added (the built-in ones come from the messages)
     */
    public record ChecklistItem(String code, Anchor anchor, int offsetMinutes, @Nullable String label) {

        public ChecklistItem {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("a checklist item needs a code");
            }
        }

        /** When the item is due on a day with these opening hours (a local time on that day). */
        public LocalTime dueOn(OpeningHours hours) {
            LocalTime base = anchor == Anchor.OPENS ? hours.opens() : hours.closes();
            return base.plusMinutes(offsetMinutes);
        }
    }

    /** The item with this code and its phase, or null. */
    @Nullable
    ItemOfPhase item(String code) {
        for (ChecklistItem i : opening()) {
            if (i.code().equals(code)) {
                return new ItemOfPhase(i, Phase.OPENING);
            }
        }
        for (ChecklistItem i : closing()) {
            if (i.code().equals(code)) {
                return new ItemOfPhase(i, Phase.CLOSING);
            }
        }
        return null;
    }

    record ItemOfPhase(ChecklistItem item, Phase phase) {
    }

    /** When the day's record is due at the centre office (四.5). */
    LocalTime submitDue(OpeningHours hours) {
        return hours.closes().plus(submitBy);
    }

    /** The first day of the default overview that ends on {@code today} ({@code overviewDays} days long). */
    LocalDate overviewStart(LocalDate today) {
        return today.minusDays(Math.max(1, overviewDays) - 1L);
    }
}
