package org.openhall.duty.internal;

/** 窗口部门负责人值班制度 二: the head (正职, 股长) or a deputy (副职, 副股长) of a department. Label: duty.leaders.kind.NAME */
@org.springframework.modulith.NamedInterface("leaders")
public enum LeaderKind {
    HEAD,
    DEPUTY
}
