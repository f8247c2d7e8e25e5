package org.conflictkg.neo4j;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs an embedded Neo4j Community DBMS with Bolt on loopback and serves Neo4j Browser.
 *
 * <pre>
 * java -cp 'target/ckg-neo4j-launcher.jar:target/lib/*' org.conflictkg.neo4j.Launcher \
 *     --home DIR --bolt-port 7687 --browser-port 7474 [--page-cache 64m]
 * </pre>
 *
 * Authentication is off unless the environment variable CKG_NEO4J_PASSWORD is set (at least 8
 * characters); then user {@code neo4j} gets that password. The variable keeps the password out of
 * the process list. Once both ports accept connections one line starting with {@value #READY} is
 * printed; SIGTERM shuts the DBMS down cleanly.
 */
public final class Launcher {
    static final String READY = "CKG-NEO4J READY";
    static final String PASSWORD_ENV = "CKG_NEO4J_PASSWORD";
    static final String HOST = "127.0.0.1";

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        String password = System.getenv(PASSWORD_ENV);
        boolean auth = password != null && !password.isEmpty();

        Files.createDirectories(options.home);
        SocketAddress bolt = new SocketAddress(HOST, options.boltPort);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(options.home)
                .setUserLogProvider(new Log4jLogProvider(out, Level.INFO))
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress(HOST))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.advertised_address, bolt)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.pagecache_memory, options.pageCacheBytes)
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                // A scratch server: no 250 MiB preallocated transaction logs, and no old ones kept.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "keep_none")
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                // The machine may be offline; nothing is reported anywhere.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt otherwise waits 5 s twice on shutdown for connections that are already gone.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        HttpServer[] browser = new HttpServer[1];
        ExecutorService httpThreads = Executors.newFixedThreadPool(4);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("CKG-NEO4J STOPPING");
            if (browser[0] != null) {
                browser[0].stop(0);
            }
            httpThreads.shutdownNow();
            dbms.shutdown();
            out.println("CKG-NEO4J STOPPED");
            out.flush();
            stopped.countDown();
        }, "ckg-neo4j-shutdown"));

        try {
            if (auth) {
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                        Map.of("password", password));
            }
            // Fails fast when the default database did not come up.
            dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
            String version = DatabaseManagementServiceBuilder.class.getPackage().getImplementationVersion();
            browser[0] = BrowserServer.start(options.browserPort, options.boltPort, version, auth, httpThreads);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }

        out.printf(Locale.ROOT, "%s bolt=bolt://%s:%d browser=http://%s:%d/browser/ pid=%d%n",
                READY, HOST, options.boltPort, HOST, browser[0].getAddress().getPort(), ProcessHandle.current().pid());
        out.flush();
        stopped.await();
    }

    /** Command-line options; every port is required so that the caller knows where to look. */
    static final class Options {
        static final String USAGE = "usage: Launcher --home DIR --bolt-port N --browser-port N [--page-cache 64m]";
        Path home;
        int boltPort = -1;
        int browserPort = -1;
        long pageCacheBytes = ByteUnit.mebiBytes(64);

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--home" -> o.home = Path.of(value).toAbsolutePath();
                    case "--bolt-port" -> o.boltPort = port(name, value);
                    case "--browser-port" -> o.browserPort = port(name, value);
                    case "--page-cache" -> o.pageCacheBytes = ByteUnit.parse(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (o.home == null || o.boltPort < 0 || o.browserPort < 0) {
                throw new IllegalArgumentException("--home, --bolt-port and --browser-port are required");
            }
            return o;
        }

        private static int port(String name, String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a port number 1-65535, got " + value);
        }
    }

    /**
     * Serves the Neo4j Browser files from the neo4j-browser jar on the class path, and the discovery
     * document a Neo4j server answers at "/" so that the Browser finds the Bolt address by itself.
     */
    static final class BrowserServer {
        private static final Map<String, String> TYPES = Map.ofEntries(
                Map.entry("html", "text/html; charset=utf-8"),
                Map.entry("js", "text/javascript; charset=utf-8"),
                Map.entry("css", "text/css; charset=utf-8"),
                Map.entry("json", "application/json"),
                Map.entry("map", "application/json"),
                Map.entry("svg", "image/svg+xml"),
                Map.entry("png", "image/png"),
                Map.entry("jpg", "image/jpeg"),
                Map.entry("gif", "image/gif"),
                Map.entry("ico", "image/x-icon"),
                Map.entry("woff", "font/woff"),
                Map.entry("woff2", "font/woff2"),
                Map.entry("ttf", "font/ttf"),
                Map.entry("eot", "application/vnd.ms-fontobject"),
                Map.entry("txt", "text/plain; charset=utf-8"));

        static HttpServer start(int port, int boltPort, String version, boolean auth, ExecutorService threads)
                throws IOException {
            if (Launcher.class.getClassLoader().getResource("browser/index.html") == null) {
                throw new IOException("browser/index.html is not on the class path: add org.neo4j.client:neo4j-browser");
            }
            String discovery = String.format(Locale.ROOT,
                    "{\"bolt_routing\":\"neo4j://%1$s:%2$d\",\"bolt_direct\":\"bolt://%1$s:%2$d\","
                            + "\"neo4j_version\":\"%3$s\",\"neo4j_edition\":\"community\",\"auth_enabled\":%4$s}",
                    HOST, boltPort, version, auth);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), port), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    handle(exchange, discovery);
                }
            });
            server.setExecutor(threads);
            server.start();
            return server;
        }

        private static void handle(HttpExchange exchange, String discovery) throws IOException {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = URI.create(exchange.getRequestURI().getRawPath()).normalize().getPath();
            if (path.equals("/") || path.isEmpty()) {
                String accept = exchange.getRequestHeaders().getFirst("Accept");
                if (accept != null && accept.contains("application/json")) {
                    send(exchange, 200, "application/json", discovery.getBytes(StandardCharsets.UTF_8));
                } else {
                    redirect(exchange, "/browser/");
                }
                return;
            }
            if (path.equals("/browser")) {
                redirect(exchange, "/browser/");
                return;
            }
            if (!path.startsWith("/browser/") || path.contains("..")) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String resource = path.substring(1);
            if (resource.endsWith("/")) {
                resource += "index.html";
            }
            byte[] body;
            try (InputStream in = Launcher.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                body = in.readAllBytes();
            }
            String extension = resource.substring(resource.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            send(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"), body);
        }

        private static void redirect(HttpExchange exchange, String location) throws IOException {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(303, -1);
        }

        private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", type);
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
