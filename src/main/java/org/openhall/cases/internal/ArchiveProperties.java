package org.openhall.cases.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention of archived cases (档案保管期限, CASE-9), {@code openhall.cases.archive.*}.
 *
 * @param retentionYears how long an archived case is kept. Default 30: 《机关文件材料归档范围和文书档案保管期限规定》
 *                       (国家档案局令第8号) 第五条 sets the retention of 文书档案 as 永久, 定期30年 or 定期10年, and the
 *                       files of an approval or service matter (审批(服务)事项档案, seed 000 档案规范管理 8 and 服务窗口
 *                       档案管理制度 第五条) are kept 30 years unless the centre's own rule says otherwise. The period is
 *                       counted in whole years from 1 January after the year of filing, so a case filed in 2026 is
 *                       kept until the end of 2056 ("保管至 2056年"). When it has passed, the case is listed for
 *                       appraisal (到期待鉴定); nothing is ever deleted automatically.
 */
@ConfigurationProperties("openhall.cases.archive")
public record ArchiveProperties(@DefaultValue("30") int retentionYears) {

    public ArchiveProperties {
        if (retentionYears < 1 || retentionYears > 1000) {
            throw new IllegalArgumentException("openhall.cases.archive.retention-years must be between 1 and 1000");
        }
    }

    /** The last year an archive filed in {@code archivedYear} is kept. */
    public int retainUntil(int archivedYear) {
        return archivedYear + retentionYears;
    }

    /** Whether the retention of an archive filed in {@code archivedYear} has passed in {@code currentYear}. */
    public boolean expired(int archivedYear, int currentYear) {
        return currentYear > retainUntil(archivedYear);
    }
}
