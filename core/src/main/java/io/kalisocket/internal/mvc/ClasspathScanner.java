package io.kalisocket.internal.mvc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the top-level classes of one package (not its sub-packages), from folders and jars. Runs once at
 * start-up; nothing from the wire ever reaches it.
 */
final class ClasspathScanner {

    private ClasspathScanner() {
    }

    static List<Class<?>> topLevelClasses(String packageName, ClassLoader loader) {
        String folder = packageName.replace('.', '/');
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("file".equals(root.getProtocol())) {
                    names.addAll(fromFolder(Paths.get(root.toURI()), packageName));
                } else if ("jar".equals(root.getProtocol())) {
                    names.addAll(fromJar(root, folder));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan package " + packageName, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot scan package " + packageName, e);
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + name + " while scanning " + packageName, e);
            }
        }
        return classes;
    }

    private static List<String> fromFolder(Path dir, String packageName) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(ClasspathScanner::isTopLevelClassFile)
                    .map(f -> packageName + "." + f.substring(0, f.length() - ".class".length()))
                    .sorted()
                    .toList();
        }
    }

    private static List<String> fromJar(URL root, String folder) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        List<String> names = new ArrayList<>();
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                int slash = entry.lastIndexOf('/');
                if (slash == folder.length() && entry.startsWith(folder)
                        && isTopLevelClassFile(entry.substring(slash + 1))) {
                    names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        names.sort(null);
        return names;
    }

    private static boolean isTopLevelClassFile(String fileName) {
        return fileName.endsWith(".class") && fileName.indexOf('$') < 0
                && !fileName.equals("package-info.class") && !fileName.equals("module-info.class");
    }
}
