package org.openhall.notification.internal;

import org.openhall.shared.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway used when no SMS provider is configured ({@code openhall.notification.sms.url} empty): sends
 * nothing, logs the masked number, and the delivery is recorded as SKIPPED.
 */
public class SkippingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(SkippingSmsGateway.class);

    @Override
    public Outcome send(String mobile, String text) {
        log.info("SMS to {} not sent: no SMS provider configured (openhall.notification.sms.url)", Masking.mobile(mobile));
        return Outcome.skipped("openhall.notification.sms.url");
    }
}
