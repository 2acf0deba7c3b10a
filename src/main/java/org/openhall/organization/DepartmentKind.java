package org.openhall.organization;

/** ORG-1: a stationed unit (派驻单位) sent by a line department, or a unit of the centre itself (中心内设). */
public enum DepartmentKind {
    STATIONED,
    INTERNAL
}
