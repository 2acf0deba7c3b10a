package org.openhall.notification.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Picks the SMS gateway: the HTTP provider when {@code openhall.notification.sms.url} is set, else none. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    SmsGateway smsGateway(NotificationProperties properties, JsonMapper json) {
        return properties.sms().configured() ? new HttpSmsGateway(properties.sms(), json) : new SkippingSmsGateway();
    }
}
