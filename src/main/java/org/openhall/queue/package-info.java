/**
 * The hall floor (Q-1..Q-10): queue services and tickets (取号) from kiosks, staff and online, priorities (先急后缓),
 * calling at the windows (叫号, 重呼, 过号, 转窗, 多窗联办), window states with 暂停服务, live hall and window displays with
 * a spoken call, appointments (预约), wait estimates, floor alerts for the supervisor and the rating pad.
 * Public API: the enums and events of this package and {@link org.openhall.queue.QueueApi}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Queue (排队叫号)",
        allowedDependencies = {"shared", "security", "calendar", "organization", "catalog", "notification"})
@org.jspecify.annotations.NullMarked
package org.openhall.queue;
