package io.kalisocket.launcher;

import io.kalisocket.KaliServer;
import io.kalisocket.StartupException;
import io.kalisocket.admin.AdminCommand;
import io.kalisocket.config.ConfigException;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.config.LoggingConfig;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run of the launcher: parse the command line, load the configuration, then do what the command says. Every
 * problem an operator can fix (command line, configuration, a port in use) ends as one line on stderr and exit
 * status {@link #BAD_USAGE}, without a stack trace.
 *
 * @param program how the application is started, for the usage text
 * @param defaults the application's configuration defaults (dotted keys), under every other source
 * @param appFlags the application's own flags
 * @param environment the process environment ({@code KALISOCKET_*} is read)
 * @param out where results go
 * @param err where problems go
 */
record Launch(String program, Map<String, String> defaults, List<AppFlag> appFlags, Map<String, String> environment,
        PrintStream out, PrintStream err) {

    /** Exit status of a clean run or command. */
    static final int OK = 0;
    /** Exit status for a bad command line or configuration, or a server that could not start. */
    static final int BAD_USAGE = 2;

    /**
     * @param args the arguments of {@code main}
     * @param app makes the server for {@code run}
     * @return the exit status: 0, 2, or {@link AdminCommand#UNAVAILABLE} (3) when no server answers a command
     */
    int execute(String[] args, ServerFactory app) {
        CommandLine line;
        try {
            line = CommandLine.parse(appFlags, args);
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println(usage());
            return BAD_USAGE;
        }
        switch (line.command()) {
            case HELP -> {
                out.println(usage());
                return OK;
            }
            case VERSION -> {
                out.println("kalisocket " + Version.current());
                return OK;
            }
            default -> {
                // Before the configuration loads, so that anything logged while loading is not at debug level.
                LogbackDefaults.apply(LoggingConfig.defaults());
            }
        }
        try {
            KaliConfig config = ConfigLoader.load(defaults, line.configFile(), environment, line.overrides());
            LogbackDefaults.apply(config.logging());
            if (line.printConfig()) {
                out.print(PrintedConfig.of(config, appFlags, line.appValues()));
                return OK;
            }
            if (line.command() != CommandLine.Command.RUN) {
                return AdminCommand.run(line.command().name().toLowerCase(Locale.ROOT), config, out, err);
            }
            return run(config, new AppOptions(AppFlag.names(appFlags), line.appValues()), app);
        } catch (ConfigException e) {
            err.println("configuration: " + e.getMessage());
            return BAD_USAGE;
        } catch (StartupException e) {
            err.println(e.getMessage());
            return BAD_USAGE;
        }
    }

    private static int run(KaliConfig config, AppOptions options, ServerFactory app) {
        try {
            KaliServer server = app.create(config, options);
            server.start();
            return OK;
        } catch (InterruptedException e) {
            // Only an embedding program interrupts main; exiting then stops the server through its shutdown hook.
            Thread.currentThread().interrupt();
            return OK;
        } finally {
            options.closeAll();
        }
    }

    /** @return the usage text */
    String usage() {
        return Usage.text(program, defaults, appFlags);
    }
}
