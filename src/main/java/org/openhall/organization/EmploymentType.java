package org.openhall.organization;

/** ORG-2: 正式 / 临时 / 兼职. */
public enum EmploymentType {
    REGULAR,
    TEMPORARY,
    PART_TIME
}
