package io.kalisocket.examples.chat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The chat as a Spring Boot application: KaliSocket's controllers ({@link UserController}, {@link RoomController})
 * are beans of this package with {@link ChatHistory} injected, {@link AnnouncementEndpoint} pushes to a room from
 * HTTP, and Actuator shows the {@code kalisocket} health component, metrics and status.
 */
@SpringBootApplication
public class ChatApplication {

    /** @param args Spring Boot's flags, e.g. {@code --server.port=8080 --kalisocket.server.port=9527} */
    public static void main(String[] args) {
        SpringApplication.run(ChatApplication.class, args);
    }
}
