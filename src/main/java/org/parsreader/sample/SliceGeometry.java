package org.parsreader.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * One image plane in patient coordinates of its frame of reference: {@code position} is the
 * centre of the first (top-left) pixel, {@code row} the direction of increasing column index,
 * {@code column} the direction of increasing row index (DICOM ImageOrientationPatient order),
 * {@code rowSpacing} the distance between adjacent rows (PixelSpacing[0]).
 */
public record SliceGeometry(Vec3 position, Vec3 row, Vec3 column, double rowSpacing, double columnSpacing,
                            int rows, int columns) {

    public Vec3 pixel(int r, int c) {
        return position.plus(row.times(c * columnSpacing)).plus(column.times(r * rowSpacing));
    }

    public Vec3 normal() {
        return row.cross(column);
    }

    public Vec3 centre() {
        return pixel(0, 0).plus(row.times((columns - 1) * columnSpacing / 2)).plus(column.times((rows - 1) * rowSpacing / 2));
    }

    /**
     * A stack of planes whose image centres are {@code centres}; every plane has the same
     * orientation and matrix, so consecutive ImagePositionPatient differ exactly by the
     * difference of the centres (for a tilted CT: table motion along z only).
     */
    public static List<SliceGeometry> stack(List<Vec3> centres, Vec3 row, Vec3 column, double spacing, int rows, int columns) {
        List<SliceGeometry> out = new ArrayList<>();
        Vec3 half = row.times((columns - 1) * spacing / 2).plus(column.times((rows - 1) * spacing / 2));
        for (Vec3 c : centres) out.add(new SliceGeometry(c.minus(half), row, column, spacing, spacing, rows, columns));
        return out;
    }
}
