package org.openhall.cases.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Online applications (CASE-10), {@code openhall.cases.online.*}. The flow follows seed 000 (标准化服务窗口, 网上服务流程):
 * 在线填写申请材料 → 上传相关附件 → 提交申请 → 窗口工作人员审核材料 → 符合条件，受理申请.
 *
 * @param maxFileSize     the largest upload per material (not from a regulation: a scan of a few pages as JPEG or PDF
 *                        fits); keep it below {@code spring.servlet.multipart.max-file-size}, and note that the whole
 *                        submission is bounded by {@code spring.servlet.multipart.max-request-size}
 * @param reviewLimitDays working days within which staff must review an application: 行政许可法 第三十二条 — when the
 *                        materials are incomplete the applicant is told everything to supply at once, on the spot or
 *                        within five days, and a notice not given in time makes the application count as accepted
 *                        from receipt (CASE-5a)
 * @param warnDays        the review list highlights an application this many working days before that limit
 * @param submissionsPerIp valid submissions one client address may make per {@code submissionPeriod} (not from a
 *                        regulation: each submission sends a text message, so the public form must not become a way
 *                        to flood someone's phone); a hall kiosk counts as one address
 * @param submissionPeriod the refill period of that limit
 */
@ConfigurationProperties("openhall.cases.online")
public record ApplicationProperties(@DefaultValue("2MB") DataSize maxFileSize, @DefaultValue("5") int reviewLimitDays,
        @DefaultValue("1") int warnDays, @DefaultValue("10") int submissionsPerIp,
        @DefaultValue("1h") Duration submissionPeriod) {
}
