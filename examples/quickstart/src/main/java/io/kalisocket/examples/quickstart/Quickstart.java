package io.kalisocket.examples.quickstart;

import io.kalisocket.KaliServer;
import io.kalisocket.launcher.KaliLauncher;

/** A complete KaliSocket app: {"ct":"hello","ac":"say","name":"Ada"} is answered with "hello, Ada". */
public final class Quickstart {

    private Quickstart() {
    }

    /** @param args the command line: run (default), status, connections, stop; --port, --config, ... (--help) */
    public static void main(String[] args) {
        KaliLauncher.run(args, config -> KaliServer.create(config).controllers(HelloController.class));
    }

    /** The controller {@code hello} (its name minus "Controller"); one instance serves every call. */
    public static final class HelloController {

        /** @param name who to greet, from the message's field "name" */
        public record SayRequest(String name) { }

        /** @param request bound from the message @return the reply's data */
        public String say(SayRequest request) {
            return "hello, " + (request.name() == null ? "world" : request.name());
        }
    }
}
