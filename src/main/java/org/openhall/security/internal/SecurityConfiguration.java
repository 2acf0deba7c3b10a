package org.openhall.security.internal;

import java.io.IOException;
import org.openhall.shared.web.ApiProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * SEC-1: form login with CSRF for pages; HTTP Basic, stateless, for the REST API under /api/v1;
 * public pages and the calendar API without login.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Paths anyone may open without logging in. Public pages never show personal data. */
    static final String[] PUBLIC_PAGES = {"/login", "/css/**", "/js/**", "/fonts/**", "/img/**", "/webjars/**",
            "/favicon.ico", "/error", "/public/**", "/progress", "/progress/**",
            // hall devices open their pages with the token the centre office issued; the queue module checks it
            "/devices/**", "/actuator/health/**", "/actuator/prometheus", "/actuator/info"};

    static final String[] PUBLIC_API = {"/api/v1/calendar/**", "/api/v1/public/**", "/api/v1/openapi/**", "/api/v1/docs/**"};

    @Bean
    PasswordEncoder passwordEncoder() {
        // BCrypt by default, prefixed so that the algorithm can change later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Password check for form login and HTTP Basic. After the password matched, the lock is read again
     * from the database: a guess that was already running when parallel failures locked the account is
     * refused like a wrong password, so the lockout cannot be outrun and a refusal tells nothing.
     */
    @Bean
    DaoAuthenticationProvider staffAuthenticationProvider(JdbcUserStore users, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        provider.setPostAuthenticationChecks(user -> {
            if (users.lockedNow(user.getUsername())) {
                throw new BadCredentialsException("account locked while the password was being checked");
            }
        });
        return provider;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiProblems problems, JsonMapper json,
            org.springframework.beans.factory.ObjectProvider<org.openhall.security.DeviceTokens> deviceTokens) throws Exception {
        AuthenticationEntryPoint unauthorized = (req, res, ex) -> {
            res.setHeader("WWW-Authenticate", "Basic realm=\"OpenHall\"");
            write(res, json, problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "problem.unauthorized"));
        };
        AccessDeniedHandler forbidden = (req, res, ex) ->
                write(res, json, problems.problem(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden"));
        http.securityMatcher("/api/**")
                // the async dispatch that completes an already authorised request (a live event stream, Q-4) carries
                // no credentials in this stateless chain: it is not checked again
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC).permitAll()
                        .requestMatchers(PUBLIC_API).permitAll()
                        // CAT-2: the catalogue is public (办事公开制); changing it is not
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/catalog/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new DeviceTokenFilter(deviceTokens),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_PAGES).permitAll().anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                // device pages carry their credential in the path, not in a cookie: no CSRF risk there
                .csrf(c -> c.ignoringRequestMatchers("/devices/**"))
                .headers(h -> h.frameOptions(f -> f.sameOrigin()));
        return http.build();
    }

    private static void write(HttpServletResponse res, JsonMapper json, ProblemDetail p) throws IOException {
        res.setStatus(p.getStatus());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        json.writeValue(res.getOutputStream(), p);
    }
}
