package org.openhall.attendance.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The attendance rule scan ({@code openhall.attendance.scan.*}, ATT-4). Not from a regulation: a technical setting.
 *
 * @param enabled  whether the scan runs on its schedule (the on-demand scan always works); tests switch it off
 * @param interval the pause between two scans. Default one minute.
 */
@ConfigurationProperties("openhall.attendance.scan")
public record AttendanceScanSettings(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration interval) {
}
