package org.openhall.attendance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A finding to record (ATT-4): from an automatic rule or a check (e.g. the supervisor's inspection, DUTY-5).
 *
 * @param rule   the stable code of the rule that produced it, e.g. {@code absence-without-notice}
 * @param clause the regulation and clause it cites, e.g. {@code 考勤及离岗告知制度 二.3}
 * @param source who or what found it, e.g. {@code rule}, {@code inspection:42}
 */
public record FindingData(long centreId, long staffId, @Nullable Long windowId, FindingKind kind, Instant observedAt,
        String rule, String clause, @Nullable String note, String source) {
}
