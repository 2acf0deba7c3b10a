package org.openhall.organization;

/** ORG-3: 业务受理 / 咨询 / 投诉 / 综合. */
public enum WindowType {
    ACCEPTANCE,
    CONSULTATION,
    COMPLAINT,
    GENERAL
}
