package org.parsreader.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;

/**
 * An AttributeList that refuses a value longer than the whole file before PixelMed allocates it.
 * PixelMed allocates the length an element claims and then reads: a damaged 1 KB header whose
 * element claims 1.8 GB made it allocate 1.8 GB (or catch the OutOfMemoryError itself and log
 * it), found by {@code HeaderReaderFuzzTest#pixelMedPath}. Pixel Data is left to
 * {@link HeaderReader}, which checks its length against the file and says what is missing.
 */
final class BoundedAttributeList extends AttributeList {
    private static final long serialVersionUID = 1L;
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private final long fileSize;

    BoundedAttributeList(long fileSize) {
        this.fileSize = fileSize;
    }

    @Override
    protected void checkSanityOfValueLength(long vl, byte[] vr, AttributeTag tag, boolean allowUnspecifiedLengths) throws DicomException {
        super.checkSanityOfValueLength(vl, vr, tag, allowUnspecifiedLengths);
        if (vl != UNDEFINED && vl > fileSize && tag.getGroup() != 0x7FE0) {
            throw new DicomException("element " + tag + " claims " + vl + " bytes but the file has " + fileSize + ": truncated or damaged");
        }
    }
}
