package io.kalisocket.examples.chat;

import io.kalisocket.gateway.Gateway;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** HTTP pushing to WebSocket clients: the {@link Gateway} bean is KaliSocket's, injected like any other bean. */
@RestController
public class AnnouncementEndpoint {

    private final Gateway gateway;

    /** @param gateway KaliSocket's gateway */
    public AnnouncementEndpoint(Gateway gateway) {
        this.gateway = gateway;
    }

    /** @param text the announcement */
    public record Announcement(String text) {
    }

    /**
     * {@code POST /rooms/{room}/announcements {"text":T}}: every member of the room gets
     * {@code {"type":"announcement","room":R,"text":T}}.
     *
     * @param room the room
     * @param announcement the text
     * @return {@code {"delivered":N}}, the connections it was handed to
     */
    @PostMapping("/rooms/{room}/announcements")
    public Map<String, Integer> announce(@PathVariable String room, @RequestBody Announcement announcement) {
        int delivered = gateway.sendToGroup(room, Map.of("type", "announcement", "room", room,
                "text", announcement.text()));
        return Map.of("delivered", delivered);
    }
}
