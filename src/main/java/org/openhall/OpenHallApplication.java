package org.openhall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** OpenHall — 窗口服务管理系统. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OpenHallApplication {

    public static void main(String[] args) {
        SpringApplication.run(OpenHallApplication.class, args);
    }
}
