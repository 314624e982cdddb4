package io.kalisocket.launcher;

import io.kalisocket.KaliServer;

/** The smallest application on the launcher, started by {@link LauncherProcessTest} in a JVM of its own. */
public final class LaunchedApp {

    private LaunchedApp() {
    }

    /** @param args the launcher's command line */
    public static void main(String[] args) {
        KaliLauncher.run(args, config -> KaliServer.create(config).controllers(PingController.class));
    }

    /** {@code ct=ping}. */
    public static final class PingController {

        /** @return {@code pong} */
        public String ping() {
            return "pong";
        }
    }
}
