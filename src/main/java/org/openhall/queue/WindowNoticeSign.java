package org.openhall.queue;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The absence notice sign (告知牌) a window display shows while its clerk is away with a notice (ATT-3; 考勤及离岗告知制度
 * 四.2: the reason and the contact, to tell the people waiting).
 *
 * @param staffName    who is away
 * @param reason       why (e.g. 到医保局送审材料)
 * @param contact      how to reach them (phone or extension)
 * @param expectedBack when they expect to be back
 * @param standInName  who stands in meanwhile, if anyone
 */
public record WindowNoticeSign(String staffName, String reason, String contact, Instant expectedBack,
        @Nullable String standInName) {
}
