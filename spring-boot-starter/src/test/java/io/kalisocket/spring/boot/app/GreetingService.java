package io.kalisocket.spring.boot.app;

import org.springframework.stereotype.Service;

/** A Spring service the controller gets injected. */
@Service
public class GreetingService {

    /** @param name who @return the greeting */
    public String greet(String name) {
        return "hello " + name;
    }
}
