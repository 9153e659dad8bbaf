package org.parsreader.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.SequenceAttribute;
import java.io.BufferedInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file's header as text in the format of ImageJ's own DICOM reader ("0020,0032  Image
 * Position (Patient): -50\-50\100"), one attribute a line, so that ImageJ's Show Info and
 * {@code DicomTools.getTag} work on volumes loaded by Pars Reader. Read on demand.
 */
public final class DicomHeaderText {
    static {
        PixelMedLogging.quiet(); // before this class first makes PixelMed log, whoever calls it first
    }

    private static final DicomDictionary DICT = AttributeList.getDictionary();

    private DicomHeaderText() {}

    /** The header text of {@code file}, or a one-line note when it cannot be read. */
    public static String of(Path file) {
        try (DicomInputStream in = new DicomInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            AttributeList list = new AttributeList();
            list.read(in, Tags.at(Tags.PixelData));
            StringBuilder b = new StringBuilder();
            for (Object o : list.values()) {
                Attribute a = (Attribute) o;
                AttributeTag t = a.getTag();
                String name = DICT.getFullNameFromTag(t);
                if (name == null) name = "---";
                String value = a instanceof SequenceAttribute s ? "(sequence of " + s.getNumberOfItems() + " item(s))"
                        : Attribute.getDelimitedStringValuesOrEmptyString(a).trim();
                b.append(String.format(Locale.ROOT, "%04X,%04X  %s: %s%n", t.getGroup(), t.getElement(), name, value));
            }
            return b.toString();
        } catch (Exception e) {
            return "(header of " + file.getFileName() + " unreadable: " + HeaderReader.describe(e) + ")\n";
        }
    }
}
