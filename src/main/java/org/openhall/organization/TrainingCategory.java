package org.openhall.organization;

/** ORG-4: 业务知识 / 服务技能 / 服务礼仪 / 情绪管理. */
public enum TrainingCategory {
    BUSINESS_KNOWLEDGE,
    SERVICE_SKILLS,
    SERVICE_ETIQUETTE,
    EMOTION_MANAGEMENT
}
