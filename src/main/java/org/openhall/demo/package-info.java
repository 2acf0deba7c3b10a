/**
 * The demo centre: on the first start with {@code openhall.demo.enabled=true} (as {@code mvn spring-boot:run}
 * does) and no centre yet, loads 清溪县社会保险服务中心 (QX-SSC) with its departments, windows, staff,
 * training, rotation history, one login per role, its service catalogue ({@code demo/catalog-items.txt}) and
 * about forty cases of the last weeks in every state (through the case commands, {@code cases :: commands}), its
 * queue services, window assignments and demo devices (through {@code queue :: setup}), leave leaders and requests
 * (through {@code attendance :: leave}), the supervisors' days of yesterday (submitted) and today (in progress, login
 * {@code supervisor}) through {@code duty :: day}, three days of attendance with an absence notice and two
 * findings (through {@code attendance :: core}), leaders on duty, 带班 records, incidents and a drill (through
 * {@code duty :: leaders}), a published duty roster for the current fortnight and a draft for the next (through
 * {@code duty :: rosters}),
 * all through the modules' public APIs. Nobody depends on this module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organization", "security", "shared", "calendar", "catalog", "cases", "cases :: commands", "queue", "queue :: setup", "attendance", "attendance :: leave", "attendance :: core", "duty", "duty :: day", "duty :: leaders", "duty :: rosters"})
@org.jspecify.annotations.NullMarked
package org.openhall.demo;
