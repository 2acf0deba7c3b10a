package org.openhall.queue.web;

/** Marks the full-screen device pages (kiosk, rating pad) for {@link DevicePageAdvice}. */
interface DevicePage {
}
