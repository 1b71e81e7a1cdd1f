package com.healthcontent.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first run of a build records the class-data-sharing archive, later runs use it, a new build starts over. */
class ClassDataSharingTest {

    static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void archiveIsRecordedByTheFirstRunUsedByTheNextAndDroppedWithANewBuild(@TempDir Path target) throws Exception {
        Path jar = Files.copy(
                StackUnderTest.ROOT.resolve("auth-server/target/auth-server.jar"), target.resolve("auth-server.jar"));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        Path archive = target.resolve("cds/auth-server.jsa");
        Path extracted = target.resolve("cds/auth-server.jar");

        List<String> firstRun = ClassDataSharing.prepare(JAVA, target, "auth-server", true);
        assertThat(firstRun).containsExactly("-XX:ArchiveClassesAtExit=" + archive, "-jar", extracted.toString());
        assertThat(extracted).exists();
        assertThat(target.resolve("cds/lib")).isNotEmptyDirectory();
        assertThat(ClassDataSharing.prepare(JAVA, target, "auth-server", false))
                .as("a second instance")
                .containsExactly("-jar", extracted.toString());

        Files.writeString(archive, "written by the first run when it stopped");
        assertThat(ClassDataSharing.prepare(JAVA, target, "auth-server", false))
                .containsExactly("-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString());

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60))); // rebuilt
        assertThat(ClassDataSharing.prepare(JAVA, target, "auth-server", true))
                .first()
                .isEqualTo("-XX:ArchiveClassesAtExit=" + archive);
        assertThat(archive).doesNotExist();
    }
}
