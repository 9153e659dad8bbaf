package org.parsreader.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each pseudonym keeps one date shift across exports and reopenings; the file is owner-only and a damaged one is never overwritten. */
class DateShiftsTest {
    @Test
    void aPseudonymKeepsItsShiftAcrossOpeningsAndTheFileIsTheOwnersOnly(@TempDir Path dir) throws Exception {
        Path f = DateShifts.besideRegistry(dir.resolve("cases.pseudonyms.csv"));
        assertThat(f.getFileName().toString()).isEqualTo("cases.pseudonyms.date-shifts.csv");
        int a = DateShifts.open(f).shiftFor("P0001");
        assertThat(a).isBetween(-DateShifts.MAX_DAYS, -1);
        assertThat(DateShifts.open(f).shiftFor("P0001")).isEqualTo(a);
        DateShifts.open(f).shiftFor("P0002");
        assertThat(Files.readAllLines(f)).hasSize(3).startsWith(DateShifts.HEADER).contains("P0001," + a);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    }

    @Test
    void aDamagedFileIsAnErrorNamingTheLineAndIsLeftAsFound(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.date-shifts.csv");
        Files.writeString(f, DateShifts.HEADER + "\nP0001,0\n");
        assertThatThrownBy(() -> DateShifts.open(f)).hasMessageContaining(f + ": line 2").hasMessageContaining("non-zero");
        Files.writeString(f, "pseudonym,patient_id\nP0001,X\n");
        assertThatThrownBy(() -> DateShifts.open(f)).hasMessageContaining("not a date shift file");
        assertThat(Files.readString(f)).isEqualTo("pseudonym,patient_id\nP0001,X\n");
    }
}
