package org.openhall.queue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.openhall.notification.Notifications;
import org.openhall.queue.AppointmentStatus;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * the booking code goes to the applicant by SMS after the booking, and nothing that goes wrong with the SMS ever
 * reaches the booking (the listener runs after commit and swallows every failure).
 */
class AppointmentNotifierTests {

    static final Appointments.Booking BOOKING = new Appointments.Booking(7, 3, 11, "YY", "预约办理", 21,
            LocalDate.of(2026, 9, 29), LocalTime.of(10, 0), LocalTime.of(10, 30), "K7QM3RZP", "张三",
            "110105198001010014", "13800138000", AppointmentStatus.BOOKED, Instant.parse("2026-09-28T02:00:00Z"), null,
            null, null, null, false, null);

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("messages/queue-appointments");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    static Appointments appointments() {
        Appointments a = mock(Appointments.class);
        when(a.booking(7)).thenReturn(Optional.of(BOOKING));
        when(a.centre(3)).thenReturn(new Appointments.Centre(3, "QX", "清溪县政务服务中心", ZoneId.of("Asia/Shanghai")));
        when(a.rules()).thenReturn(QueueRules.defaults());
        return a;
    }

    @Test
    void theBookingCodeGoesToTheMobile() {
        Notifications notifications = mock(Notifications.class);
        MockEnvironment env = new MockEnvironment().withProperty("openhall.public-url", "https://hall.example.cn/");
        new AppointmentNotifier(appointments(), notifications, messages(), env).on(new AppointmentBooked(3, 7));
        ArgumentCaptor<String> text = ArgumentCaptor.forClass(String.class);
        verify(notifications).sms(eq(3L), eq("13800138000"), text.capture());
        assertThat(text.getValue()).contains("清溪县政务服务中心", "预约办理", "2026-09-29 10:00–10:30", "K7QM-3RZP", "09:30",
                "https://hall.example.cn/public/appointments");
    }

    @Test
    void aFailingSmsNeverReachesTheBooking() {
        Notifications notifications = mock(Notifications.class);
        when(notifications.sms(anyLong(), anyString(), anyString())).thenThrow(new IllegalStateException("gateway down"));
        AppointmentNotifier notifier = new AppointmentNotifier(appointments(), notifications, messages(), new MockEnvironment());
        assertThatCode(() -> notifier.on(new AppointmentBooked(3, 7))).doesNotThrowAnyException();
        assertThatCode(() -> notifier.on(new AppointmentCancelled(3, 7))).doesNotThrowAnyException();
        verify(notifications, org.mockito.Mockito.times(2)).sms(anyLong(), anyString(), anyString());
    }
}
