package org.openhall.cases.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * 电子监察 (CASE-5, {@code openhall.cases.warnings.*}): when a case or step turns yellow or red, when the scan runs and
 * how its warnings reach the person responsible.
 *
 * <p>Source: seed 002 (限时办结制, 第七条: 承诺办事事项应在规定时限内办结，会办事项应在规定时限内提出审查意见，
 * 不能及时办结的应告知申请人具体原因及所需时间) and seed 000 (承诺办理期限内办结率100%): the centre watches every
 * running limit, warns before it runs out (黄牌) and flags it when it has (红牌). The regulations set no number of
 * days for the yellow warning; the customary 电子监察 practice is one working day before the due date.
 *
 * @param yellowDays        YELLOW when the due date is at most this many working days after today (0 = only cases due
 *                          today); RED when the due date has passed
 * @param enabled           whether the scan runs on its schedule (the on-demand scan always works)
 * @param cron              the schedule (Spring cron, in {@code openhall.default-zone}): every 10 minutes of the working
 *                          day, Monday to Saturday (Saturday: 调休 working days)
 * @param sms               also send each warning by SMS to the responsible person's mobile (in-system messages always)
 * @param dispatchBatchSize how many warnings one transaction of the dispatcher hands on
 * @param dispatchMaxPerRun how many warnings one run of the dispatcher hands on at most (the rest the next run);
 *                          0 sends nothing (a flood after an import is then sent by later runs or never)
 * @param boardPageSize     the rows per page of the warnings board
 * @param scanThreads       how many centres a scan of all centres works on at once (each centre is one transaction
 *                          on one connection); not from a regulation: a technical bound
 */
@ConfigurationProperties("openhall.cases.warnings")
@Validated
public record WarningRules(
        @DefaultValue("1") @Min(0) @Max(60) int yellowDays,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0 */10 7-20 * * MON-SAT") String cron,
        @DefaultValue("false") boolean sms,
        @DefaultValue("200") @Min(1) int dispatchBatchSize,
        @DefaultValue("5000") @Min(0) int dispatchMaxPerRun,
        @DefaultValue("50") @Min(1) int boardPageSize,
        @DefaultValue("2") @Min(1) @Max(32) int scanThreads) {
}
