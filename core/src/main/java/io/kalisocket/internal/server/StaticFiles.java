package io.kalisocket.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files of one classpath folder, served for plain GETs on the WebSocket port. Only regular files below
 * the folder are ever read: no {@code ..}, no directory listings. Files are cached after the first read
 * (the folder is part of the application, so its size is bounded).
 */
final class StaticFiles {

    /** A file found: its bytes and content type. */
    record File(byte[] content, String contentType) {
    }

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("ts", "text/plain; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("webp", "image/webp"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("wasm", "application/wasm"));

    private final String root;
    private final ClassLoader loader;
    private final Map<String, Optional<File>> cache = new ConcurrentHashMap<>();

    /**
     * @param root classpath folder, e.g. {@code public}; empty serves nothing
     * @param loader where to look
     */
    StaticFiles(String root, ClassLoader loader) {
        this.root = root.replaceAll("^/+|/+$", "");
        this.loader = loader;
    }

    /**
     * @param path the request's decoded path, e.g. {@code /app.js}; {@code /} means {@code /index.html}
     * @return the file, or empty (the caller answers 404)
     */
    Optional<File> find(String path) {
        if (root.isEmpty() || !isSafe(path)) {
            return Optional.empty();
        }
        String relative = path.endsWith("/") ? path + "index.html" : path;
        if (cache.size() > 10_000) {
            cache.clear(); // a crawler asking for endless missing names must not grow the cache
        }
        return cache.computeIfAbsent(relative, this::load);
    }

    private static boolean isSafe(String path) {
        if (!path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0 || path.contains("//")) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }

    private Optional<File> load(String relative) {
        URL url = loader.getResource(root + relative);
        if (url == null || !isRegularFile(url)) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(new File(in.readAllBytes(), contentType(relative)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isRegularFile(URL url) {
        try {
            if ("file".equals(url.getProtocol())) {
                return Files.isRegularFile(Paths.get(url.toURI()));
            }
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                return jar.getJarEntry() != null && !jar.getJarEntry().isDirectory();
            }
            return false;
        } catch (IOException | URISyntaxException e) {
            return false;
        }
    }

    private static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
