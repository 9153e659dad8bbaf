# Reads a DICOM Segmentation with pydicom (Debian's) and compares its decoded mask with the
# expected region the Java test wrote: a raw uint8 file of the CT grid (i fastest, then j, then k),
# placing each frame by its own ImagePositionPatient on that grid (origin and slice step given).
# Usage: seg_mask.py SEG EXPECTED.raw W H D ox oy oz sx sy sz SEGMENT
import sys
import numpy as np
import pydicom

seg_file, raw = sys.argv[1], sys.argv[2]
w, h, d = (int(x) for x in sys.argv[3:6])
origin = np.array([float(x) for x in sys.argv[6:9]])
step = np.array([float(x) for x in sys.argv[9:12]])
segment = int(sys.argv[12])
ds = pydicom.dcmread(seg_file)
assert ds.SOPClassUID == "1.2.840.10008.5.1.4.1.1.66.4", ds.SOPClassUID
frames = ds.pixel_array.reshape(int(ds.NumberOfFrames), ds.Rows, ds.Columns)
expected = np.fromfile(raw, dtype=np.uint8).reshape(d, h, w)
got = np.zeros_like(expected)
for n, fg in enumerate(ds.PerFrameFunctionalGroupsSequence):
    if int(fg.SegmentIdentificationSequence[0].ReferencedSegmentNumber) != segment:
        continue
    pos = np.array([float(x) for x in fg.PlanePositionSequence[0].ImagePositionPatient])
    k = int(round(np.dot(pos - origin, step) / np.dot(step, step)))
    off = pos - (origin + k * step)
    assert np.abs(off).max() < 1e-3, "frame %d at %s is not on the grid (off %s)" % (n, pos, off)
    got[k] |= frames[n].astype(np.uint8)
diff = int((got != expected).sum())
print("frames", frames.shape[0], "voxels", int(got.sum()), "expected", int(expected.sum()), "differ", diff)
sys.exit(0 if diff == 0 else 1)
