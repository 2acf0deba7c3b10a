package org.openhall.cases.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The numbers of case handling that come from the law ({@code openhall.cases.*}); every limit is in working days
 * (行政许可法 第八十二条: 本法规定的行政机关实施行政许可的期限以工作日计算，不含法定节假日).
 *
 * @param correctionNoticeDays 行政许可法 第三十二条 第一款 (四): 申请材料不齐全或者不符合法定形式的，应当当场或者在五日内
 *                             一次告知申请人需要补正的全部内容，逾期不告知的，自收到申请材料之日起即为受理. A correction notice
 *                             issued later than this many working days after receipt makes the application count as
 *                             accepted from receipt (seed 002 一次性告知制: 资料不全的，应一次性告知). Default 5.
 * @param maxExtensionDays     行政许可法 第四十二条 第一款: 二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日，并应当
 *                             将延长期限的理由告知申请人. The longest extension, granted once, approved by a leader or the
 *                             centre office, before the deadline has passed. Default 10.
 * @param maxExtensions        行政许可法 第四十二条: the extension is granted once ("可以延长十日"). Default 1.
 * @param instantSameDay       seed 002 限时办结制: 即办事项应做到即时办结 — an INSTANT item is due the day it is accepted.
 */
@ConfigurationProperties("openhall.cases")
public record CaseRules(@DefaultValue("5") int correctionNoticeDays, @DefaultValue("10") int maxExtensionDays,
        @DefaultValue("1") int maxExtensions, @DefaultValue("true") boolean instantSameDay) {

    /** The defaults of the law, for unit tests. */
    public static CaseRules defaults() {
        return new CaseRules(5, 10, 1, true);
    }
}
