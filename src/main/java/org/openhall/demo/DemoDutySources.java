package org.openhall.demo;

import org.openhall.duty.internal.roster.Rosters;
import org.openhall.duty.internal.roster.Swaps;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** What {@link DemoDuty} works with: rosters and swaps ({@code duty :: rosters}). */
@Component
@ConditionalOnProperty("openhall.demo.enabled")
record DemoDutySources(Rosters rosters, Swaps swaps) {
}
