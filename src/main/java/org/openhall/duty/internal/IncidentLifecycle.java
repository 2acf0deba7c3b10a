package org.openhall.duty.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The transition table of incidents (DUTY-7; 政务大厅值班工作制度 三.1(2) 值班领导负责处理突发事件, 四.5 及时上报领导并采取相应
 * 措施): reported by whoever saw it, escalated to the leader on duty, handled (one or more actions, each recorded) and
 * closed with a summary. A closed incident takes no further step.
 */
public final class IncidentLifecycle {

    /** The steps that move an incident. Label: duty.incident.step.NAME */
    public enum Step {
        REPORTED,
        ESCALATED,
        ACTION,
        CLOSED
    }

    private static final Map<Step, Map<IncidentStatus, IncidentStatus>> TABLE = Map.of(
            Step.ESCALATED, Map.of(IncidentStatus.REPORTED, IncidentStatus.ESCALATED),
            Step.ACTION, Map.of(IncidentStatus.ESCALATED, IncidentStatus.HANDLING,
                    IncidentStatus.HANDLING, IncidentStatus.HANDLING),
            Step.CLOSED, Map.of(IncidentStatus.HANDLING, IncidentStatus.CLOSED));

    private IncidentLifecycle() {
    }

    /** The status after {@code step} from {@code from}, empty when the step is not allowed there. */
    public static Optional<IncidentStatus> next(IncidentStatus from, Step step) {
        return Optional.ofNullable(TABLE.getOrDefault(step, Map.of()).get(from));
    }

    /** The steps allowed from a status (for the buttons a page offers). */
    public static Set<Step> allowed(IncidentStatus from) {
        return TABLE.entrySet().stream().filter(e -> e.getValue().containsKey(from)).map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
