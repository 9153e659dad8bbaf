package org.parsreader.ij;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ij.Prefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.pacs.PacsServer;

/** PACS servers in ImageJ's preferences never hold a password; one comes only from an owner-only config file (headless: nowhere else). */
class PacsPrefsTest {
    String saved;
    String savedFile;

    @BeforeEach
    void keep() {
        saved = Prefs.get(PacsPrefs.SERVERS, "");
        savedFile = Prefs.get(PacsPrefs.PASSWORD_FILE, "");
    }

    @AfterEach
    void restore() {
        Prefs.set(PacsPrefs.SERVERS, saved);
        Prefs.set(PacsPrefs.PASSWORD_FILE, savedFile);
    }

    @Test
    void aServerIsKeptWithoutItsPasswordWhichComesFromAnOwnerOnlyFile(@TempDir Path dir) throws Exception {
        Prefs.set(PacsPrefs.SERVERS, "");
        PacsPrefs.put(new PacsServer("pacs1", "http://127.0.0.1:9/dicom-web", "me", "Top-Secret-1", null, 0, null, null, PacsServer.Archive.CLINICAL));
        assertThat(Prefs.get(PacsPrefs.SERVERS, "")).contains("pacs1").contains("clinical").doesNotContain("Top-Secret-1");
        PacsServer s = PacsPrefs.server("pacs1");
        assertThat(s.password()).isNull();
        assertThat(s.archive()).isEqualTo(PacsServer.Archive.CLINICAL);

        Path f = dir.resolve("pacs.json");
        Files.writeString(f, "{\"servers\": [{\"name\": \"pacs1\", \"dicomWebUrl\": \"http://127.0.0.1:9/dicom-web\", \"password\": \"Top-Secret-1\"}]}");
        PacsPrefs.setPasswordFile(f);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> PacsPrefs.withPassword(s)).hasMessageContaining("others may read it").hasMessageContaining("chmod 600")
                .hasMessageNotContaining("Top-Secret-1");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        assertThat(PacsPrefs.withPassword(s).password()).isEqualTo("Top-Secret-1");

        // no password in the file: headless there is no one to ask, and the message says where to put it
        Files.writeString(f, "{\"servers\": [{\"name\": \"other\", \"dicomWebUrl\": \"http://127.0.0.1:9/dicom-web\"}]}");
        assertThatThrownBy(() -> PacsPrefs.withPassword(s)).hasMessageContaining("needs a password").hasMessageContaining(f.toString());
        assertThat(PacsPrefs.remove("pacs1")).isTrue();
        assertThatThrownBy(() -> PacsPrefs.server(null)).hasMessageContaining("PACS Servers...");
    }

    @Test
    void aPasswordInMacroOptionsIsRefused() {
        MacroOptions o = MacroOptions.parse(PacsServersCommand.COMMAND, "name=x url=http://h/dicom-web password=abc", PacsServersCommand.KEYS);
        assertThatThrownBy(() -> PacsServersCommand.refusePassword(PacsServersCommand.COMMAND, o)).hasMessageContaining("a password is never given in a macro")
                .hasMessageNotContaining("abc");
    }

    @Test
    void theMovePortIsKeptAndOpenFromPacsTakesMove() {
        Prefs.set(PacsPrefs.SERVERS, "");
        String said = PacsServersCommand.apply("dimse1", null, null, "127.0.0.1", "4242", "ORTHANC", "PARSREADER", "11113", "research", false, null, null);
        assertThat(said).contains("dimse1");
        PacsServer s = PacsPrefs.server("dimse1");
        assertThat(s.movePort()).isEqualTo(11113);
        assertThat(OpenFromPacsCommand.protocol(s, "move")).isEqualTo(org.parsreader.pacs.StudyCache.Protocol.DIMSE_MOVE);
        assertThat(OpenFromPacsCommand.protocol(s, "dimse")).isEqualTo(org.parsreader.pacs.StudyCache.Protocol.DIMSE);
        assertThatThrownBy(() -> OpenFromPacsCommand.protocol(s, "ftp")).hasMessageContaining("move (C-MOVE)");
        assertThatThrownBy(() -> PacsServersCommand.apply("dimse1", null, null, "127.0.0.1", "4242", "ORTHANC", "PARSREADER", "99999", null, false, null, null))
                .hasMessageContaining("move-port '99999' is not a port number");
        assertThat(PacsPrefs.remove("dimse1")).isTrue();
    }
}
