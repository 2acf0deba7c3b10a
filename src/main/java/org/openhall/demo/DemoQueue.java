package org.openhall.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.catalog.CatalogApi;
import org.openhall.catalog.ItemVersion;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;
import org.openhall.queue.DeviceKind;
import org.openhall.queue.internal.DeviceSetup;
import org.openhall.queue.internal.QueueServices;
import org.openhall.queue.internal.QueueServices.ServiceData;

/**
 * The hall floor of the demo centre, through {@code queue :: setup}: six queue services matching its
 * departments, windows and catalogue, each window's own line and the services it is also qualified for (dispatch), and
 * one device of each kind with a fixed token documented in the README — <b>demo only</b>; a real centre issues tokens
 * on its device page and they are shown once.
 */
final class DemoQueue {

    /** The demo devices' tokens (43 base64url characters like issued ones). Never use them outside the demo. */
    static final String KIOSK_TOKEN = "qx-ssc-demo-kiosk-0000000000000000000000000";
    static final String HALL_DISPLAY_TOKEN = "qx-ssc-demo-hall-display-000000000000000000";
    static final String WINDOW_DISPLAY_TOKEN = "qx-ssc-demo-window-display-0000000000000000";
    static final String RATING_PAD_TOKEN = "qx-ssc-demo-rating-pad-00000000000000000000";

    /** The window of the demo window display and rating pad: 5 医保参保登记, where the demo clerk works. */
    static final String DEVICE_WINDOW = "5";

    /**
     * A queue service: code, name, prefix, own-line windows, qualified windows, daily cap, default minutes, appointment
     * slots (minutes, capacity per slot; 0 = none).
     */
    record Line(String code, String name, String prefix, List<String> own, List<String> qualified,
            @Nullable Integer cap,
            int minutes, int slotMinutes, int slotCapacity) {
    }

    static final List<Line> LINES = List.of(
            new Line("SBDJ", "社保登记与参保", "A", List.of("8", "10", "12"), List.of("9", "11"), null, 8, 30, 4),
            new Line("SBDY", "社保待遇与退休", "B", List.of("9", "11", "13"), List.of("8", "12"), null, 12, 30, 3),
            new Line("YBFW", "医疗保险", "C", List.of("5", "6", "7"), List.of(), 300, 10, 30, 4),
            new Line("JYSY", "就业与失业", "D", List.of("3", "4"), List.of("1"), null, 10, 30, 3),
            new Line("ZHZX", "综合咨询与绿色通道", "E", List.of("1"), List.of("2"), null, 5, 0, 0),
            new Line("SBK", "社保卡服务", "F", List.of("14"), List.of("9"), null, 6, 0, 0));

    private DemoQueue() {
    }

    static void load(QueueServices services, DeviceSetup devices, OrganizationApi org, CatalogApi catalog) {
        CentreInfo centre = org.centreByCode(DemoCentre.CODE).orElseThrow();
        Map<String, Long> windows = new HashMap<>();
        for (WindowInfo w : org.windows(centre.id())) {
            windows.put(w.number(), w.id());
        }
        List<ItemVersion> items = catalog.currentItems(centre.id());
        Map<String, Long> serviceIds = new HashMap<>();
        int sort = 1;
        for (Line l : LINES) {
            List<Long> own = l.own().stream().map(windows::get).toList();
            // the catalogue items handled at the line's own windows (informative, shown in the settings)
            List<String> itemCodes = new ArrayList<>();
            for (ItemVersion i : items) {
                if (i.windowIds().stream().anyMatch(own::contains) && itemCodes.size() < 20) {
                    itemCodes.add(i.code());
                }
            }
            long id = services.create(new ServiceData(centre.id(), l.code(), l.name(), l.prefix(), 1, 999, l.cap(),
                    l.minutes(), l.slotMinutes() == 0 ? null : l.slotMinutes(),
                    l.slotCapacity() == 0 ? null : l.slotCapacity(), itemCodes, sort++, true)).id();
            serviceIds.put(l.code(), id);
        }
        for (Map.Entry<String, Long> w : windows.entrySet()) {
            List<Long> own = new ArrayList<>();
            List<Long> qualified = new ArrayList<>();
            for (Line l : LINES) {
                if (l.own().contains(w.getKey())) {
                    own.add(serviceIds.get(l.code()));
                } else if (l.qualified().contains(w.getKey())) {
                    qualified.add(serviceIds.get(l.code()));
                }
            }
            if (!own.isEmpty() || !qualified.isEmpty()) {
                services.assign(w.getValue(), own, qualified);
            }
        }
        long deviceWindow = windows.get(DEVICE_WINDOW);
        devices.issueWithToken(centre.id(), DeviceKind.KIOSK, "一楼大厅取号机", null, KIOSK_TOKEN);
        devices.issueWithToken(centre.id(), DeviceKind.HALL_DISPLAY, "一楼大厅叫号屏", null, HALL_DISPLAY_TOKEN);
        devices.issueWithToken(centre.id(), DeviceKind.WINDOW_DISPLAY, "5号窗口屏", deviceWindow, WINDOW_DISPLAY_TOKEN);
        devices.issueWithToken(centre.id(), DeviceKind.RATING_PAD, "5号窗口评价器", deviceWindow, RATING_PAD_TOKEN);
    }
}
