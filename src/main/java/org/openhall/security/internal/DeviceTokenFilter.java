package org.openhall.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.openhall.security.DevicePrincipal;
import org.openhall.security.DeviceTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API authentication of hall devices: {@code Authorization: Bearer <device token>}. A token that is not
 * a device's leaves the request unauthenticated (401 where the API needs a login). Staff keep HTTP Basic.
 */
class DeviceTokenFilter extends OncePerRequestFilter {

    private final ObjectProvider<DeviceTokens> tokens;

    DeviceTokenFilter(ObjectProvider<DeviceTokens> tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            Optional<DevicePrincipal> device = Optional.empty();
            for (DeviceTokens t : tokens) {
                device = t.authenticate(token);
                if (device.isPresent()) {
                    break;
                }
            }
            device.ifPresent(d -> SecurityContextHolder.getContext().setAuthentication(new DeviceAuthentication(d)));
        }
        chain.doFilter(request, response);
    }

    static final class DeviceAuthentication extends AbstractAuthenticationToken {

        private final DevicePrincipal device;

        DeviceAuthentication(DevicePrincipal device) {
            super(List.of(new SimpleGrantedAuthority("ROLE_DEVICE"), new SimpleGrantedAuthority(device.authority())));
            this.device = device;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return device;
        }

        @Override
        public String getName() {
            return "device:" + device.deviceId();
        }
    }
}
