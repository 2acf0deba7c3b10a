package org.openhall.demo;

import org.openhall.queue.internal.DeviceSetup;
import org.openhall.queue.internal.QueueServices;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** What {@link DemoQueue} works with: the queue services and the demo device tokens ({@code queue :: setup}). */
@Component
@ConditionalOnProperty("openhall.demo.enabled")
record DemoQueueSources(QueueServices services, DeviceSetup devices) {
}
