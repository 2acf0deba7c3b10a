package org.openhall.queue.web;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.queue.internal.QueueServices;

/** The form of a queue service (排队业务, Q-1) on the settings page; checked by {@link QueueServices}. */
public class ServiceForm {

    private @Nullable String code;
    private @Nullable String name;
    private @Nullable String prefix;
    private @Nullable Integer rangeStart = 1;
    private @Nullable Integer rangeEnd = 999;
    private @Nullable Integer dailyCap;
    private @Nullable Integer defaultMinutes = 8;
    private @Nullable Integer slotMinutes;
    private @Nullable Integer slotCapacity;
    private @Nullable String itemCodes;
    private @Nullable Integer sortOrder = 0;
    private boolean active = true;
    private @Nullable String reason;

    static ServiceForm of(QueueServices.ServiceView s) {
        ServiceForm f = new ServiceForm();
        f.code = s.code();
        f.name = s.name();
        f.prefix = s.prefix();
        f.rangeStart = s.rangeStart();
        f.rangeEnd = s.rangeEnd();
        f.dailyCap = s.dailyCap();
        f.defaultMinutes = s.defaultMinutes();
        f.slotMinutes = s.slotMinutes();
        f.slotCapacity = s.slotCapacity();
        f.itemCodes = String.join(", ", s.itemCodes());
        f.sortOrder = s.sortOrder();
        f.active = s.active();
        return f;
    }

    QueueServices.ServiceData data(long centreId) {
        List<String> items = itemCodes == null ? List.of()
                : Arrays.stream(itemCodes.split("[,，\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new QueueServices.ServiceData(centreId, trim(code), trim(name), trim(prefix),
                rangeStart == null ? 1 : rangeStart, rangeEnd == null ? 999 : rangeEnd, dailyCap,
                defaultMinutes == null ? 8 : defaultMinutes, slotMinutes, slotCapacity, items,
                sortOrder == null ? 0 : sortOrder, active);
    }

    private static String trim(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    public @Nullable String getCode() { return code; }
    public void setCode(@Nullable String code) { this.code = code; }
    public @Nullable String getName() { return name; }
    public void setName(@Nullable String name) { this.name = name; }
    public @Nullable String getPrefix() { return prefix; }
    public void setPrefix(@Nullable String prefix) { this.prefix = prefix; }
    public @Nullable Integer getRangeStart() { return rangeStart; }
    public void setRangeStart(@Nullable Integer rangeStart) { this.rangeStart = rangeStart; }
    public @Nullable Integer getRangeEnd() { return rangeEnd; }
    public void setRangeEnd(@Nullable Integer rangeEnd) { this.rangeEnd = rangeEnd; }
    public @Nullable Integer getDailyCap() { return dailyCap; }
    public void setDailyCap(@Nullable Integer dailyCap) { this.dailyCap = dailyCap; }
    public @Nullable Integer getDefaultMinutes() { return defaultMinutes; }
    public void setDefaultMinutes(@Nullable Integer defaultMinutes) { this.defaultMinutes = defaultMinutes; }
    public @Nullable Integer getSlotMinutes() { return slotMinutes; }
    public void setSlotMinutes(@Nullable Integer slotMinutes) { this.slotMinutes = slotMinutes; }
    public @Nullable Integer getSlotCapacity() { return slotCapacity; }
    public void setSlotCapacity(@Nullable Integer slotCapacity) { this.slotCapacity = slotCapacity; }
    public @Nullable String getItemCodes() { return itemCodes; }
    public void setItemCodes(@Nullable String itemCodes) { this.itemCodes = itemCodes; }
    public @Nullable Integer getSortOrder() { return sortOrder; }
    public void setSortOrder(@Nullable Integer sortOrder) { this.sortOrder = sortOrder; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public @Nullable String getReason() { return reason; }
    public void setReason(@Nullable String reason) { this.reason = reason; }
}
