package org.openhall.queue.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The floor scan ({@code openhall.queue.floor-scan.*}, Q-9): how often it looks at every centre's floor. Not from a
 * regulation: a technical setting (the thresholds of the alerts are {@link QueueRules}).
 *
 * @param enabled  whether the scan runs on its schedule (the on-demand scan always works); tests switch it off and
 *                 call {@link FloorScan} themselves
 * @param interval the pause between two scans. Default 30 seconds.
 */
@ConfigurationProperties("openhall.queue.floor-scan")
public record FloorScanSettings(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration interval) {
}
