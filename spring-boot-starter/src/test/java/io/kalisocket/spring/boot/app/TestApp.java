package io.kalisocket.spring.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The test application: its package holds the controller and the service. */
@SpringBootApplication
public class TestApp {
}
