#!/usr/bin/python3
"""Reference pixel values of pydicom's own test files, decoded by pydicom (Debian
python3-pydicom + numpy + PIL), for Pars Reader's loader tests.

Writes src/test/resources/pydicom-reference.json: per file the stored values (before
rescale, as pydicom's pixel_array gives them) summarised as shape, min, max, sum and a
SHA-256 over the values, and the mean per
channel (converted to RGB for uncompressed YBR colour) as little-endian int64 in (frame, row, column, sample) order.
Run with Debian's interpreter: /usr/bin/python3 scripts/pydicom-reference.py
"""
import hashlib, json, os, sys, warnings
import numpy as np
import pydicom

warnings.simplefilter("ignore")
folder = os.path.join(os.path.dirname(pydicom.__file__), "data", "test_files")
out = {"pydicom": pydicom.__version__, "numpy": np.__version__, "files": {}}
for name in sorted(os.listdir(folder)):
    path = os.path.join(folder, name)
    if not os.path.isfile(path):
        continue
    entry = {}
    try:
        ds = pydicom.dcmread(path, force=True)
        if "PixelData" not in ds:
            entry["pixels"] = False
        else:
            arr = ds.pixel_array
            frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
            spp = int(getattr(ds, "SamplesPerPixel", 1))
            shape = (frames, int(ds.Rows), int(ds.Columns), spp)
            a = arr.reshape(shape).astype("<i8")
            photometric = str(getattr(ds, "PhotometricInterpretation", ""))
            rgb = a
            if spp == 3 and photometric.startswith("YBR") and not ds.file_meta.TransferSyntaxUID.is_compressed:
                from pydicom.pixel_data_handlers.util import convert_color_space
                rgb = convert_color_space(arr.reshape(shape), photometric, "RGB").astype("<i8")
            entry.update(pixels=True, shape=list(shape), min=int(a.min()), max=int(a.max()),
                         sum=int(a.sum()),
                         sha256=hashlib.sha256(np.ascontiguousarray(a).tobytes()).hexdigest(),
                         means=[float(rgb[..., c].mean()) for c in range(spp)],
                         photometric=photometric,
                         transferSyntax=str(ds.file_meta.TransferSyntaxUID) if "TransferSyntaxUID" in getattr(ds, "file_meta", {}) else "")
    except Exception as e:  # pydicom cannot decode it either: recorded, the loader must fail clearly
        entry["error"] = type(e).__name__ + ": " + str(e).splitlines()[0][:200] if str(e) else type(e).__name__
    out["files"][name] = entry
json.dump(out, sys.stdout, indent=1, sort_keys=True)
print()
