package org.arxos.fuzz;

import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;

/** Lists the top-level classes of one package on the class path (directories and jars). */
final class ClassScan {

    private ClassScan() {
    }

    static List<String> classesIn(String packageName) {
        String path = packageName.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        try {
            for (URL url : Collections.list(ClassScan.class.getClassLoader().getResources(path))) {
                if (url.getProtocol().equals("file")) {
                    File[] files = new File(url.toURI()).listFiles();
                    if (files != null) {
                        for (File f : files) {
                            add(names, packageName, f.getName());
                        }
                    }
                } else if (url.getProtocol().equals("jar")) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false); // a JarFile of our own: closing it must not close the class loader's
                    try (JarFile jar = connection.getJarFile()) {
                        jar.stream().map(e -> e.getName())
                                .filter(n -> n.startsWith(path + "/") && n.indexOf('/', path.length() + 1) < 0)
                                .forEach(n -> add(names, packageName, n.substring(path.length() + 1)));
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            // nothing found
        }
        return new ArrayList<>(names);
    }

    private static void add(TreeSet<String> names, String packageName, String fileName) {
        if (fileName.endsWith(".class") && !fileName.contains("$")) {
            names.add(packageName + "." + fileName.substring(0, fileName.length() - ".class".length()));
        }
    }
}
