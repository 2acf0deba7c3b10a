package org.openhall.queue.internal;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of the queue services (排队业务) and which windows call them, kept by the centre
 * office; validated and audited.
 */
@org.springframework.modulith.NamedInterface("setup")
public interface QueueServices {

    List<ServiceView> services(long centreId);

    Optional<ServiceView> service(long serviceId);

    Optional<ServiceView> serviceByCode(long centreId, String code);

    ServiceView create(ServiceData data);

    ServiceView update(long serviceId, ServiceData data, String reason);

    /** The services a window calls: own line first, then those it is only qualified for. */
    void assign(long windowId, List<Long> ownServiceIds, List<Long> qualifiedServiceIds);

    List<ServiceView> servicesOfWindow(long windowId, boolean ownLineOnly);

    /** The windows (ids) that call a service. */
    List<Long> windowsOfService(long serviceId);

    record ServiceData(long centreId, String code, String name, String prefix, int rangeStart, int rangeEnd,
            @Nullable Integer dailyCap, int defaultMinutes, @Nullable Integer slotMinutes, @Nullable Integer slotCapacity,
            List<String> itemCodes, int sortOrder, boolean active) {

        public ServiceData {
            itemCodes = List.copyOf(itemCodes);
        }
    }

    record ServiceView(long id, long centreId, String code, String name, String prefix, int rangeStart, int rangeEnd,
            @Nullable Integer dailyCap, int defaultMinutes, @Nullable Integer slotMinutes, @Nullable Integer slotCapacity,
            List<String> itemCodes, int sortOrder, boolean active) {

        public ServiceView {
            itemCodes = List.copyOf(itemCodes);
        }

        public boolean appointments() {
            return slotMinutes != null && slotCapacity != null && slotCapacity > 0;
        }
    }
}
