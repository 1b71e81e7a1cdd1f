package com.healthcontent.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Services start from their extracted jar with a class-data-sharing archive of the classes they load: four Spring
 * JVMs starting at once on two cores spent most of their start-up loading and verifying the same classes.
 *
 * <p>The archive is made by the first run of a build, at no extra cost: that run records the classes it loaded
 * ({@code -XX:ArchiveClassesAtExit}) and writes them when it stops; later runs map them
 * ({@code -XX:SharedArchiveFile}). A rebuilt jar is extracted again and its old archive dropped; an archive the
 * JVM cannot use (another JDK) is ignored by it, and the service starts as without one.
 */
final class ClassDataSharing {

    static final String RECORD = "-XX:ArchiveClassesAtExit=";

    private ClassDataSharing() {}

    /**
     * The java arguments that run {@code target/<module>.jar}: the archive option (none when there is no archive
     * yet and this run may not record one), then {@code -jar <extracted jar>}.
     */
    static List<String> prepare(String javaBin, Path target, String module, boolean mayRecord) throws IOException {
        Path application = extracted(javaBin, target, module);
        Path archive = target.resolve("cds").resolve(module + ".jsa");
        if (Files.exists(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-jar", application.toString());
        }
        return mayRecord
                ? List.of(RECORD + archive, "-jar", application.toString())
                : List.of("-jar", application.toString());
    }

    /** The extracted jar of {@code target/<module>.jar}, extracted again when the jar is newer. */
    static Path extracted(String javaBin, Path target, String module) throws IOException {
        Path jar = target.resolve(module + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; build with ./mvnw -DskipTests package");
        }
        Path extracted = target.resolve("cds");
        Path application = extracted.resolve(module + ".jar");
        if (!Files.exists(application)
                || Files.getLastModifiedTime(application).compareTo(Files.getLastModifiedTime(jar)) < 0) {
            extract(javaBin, jar, extracted);
        }
        return application;
    }

    private static void extract(String javaBin, Path jar, Path destination) throws IOException {
        LocalStack.deleteRecursively(destination);
        Process extraction = new ProcessBuilder(
                        javaBin,
                        "-XX:TieredStopAtLevel=1", // a few seconds' work: the optimising compiler would not pay off
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--destination",
                        destination.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!extraction.waitFor(60, TimeUnit.SECONDS) || extraction.exitValue() != 0) {
                extraction.destroyForcibly();
                throw new IllegalStateException("could not extract " + jar);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting " + jar, e);
        }
    }
}
