package org.parsreader.volume;

import java.util.ArrayList;
import java.util.List;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;

/**
 * The volume's slice arrays seen as an imglib2 {@link PlanarImg} (x = column, y = row,
 * z = slice), without copying: writes through either view are seen by the other. Values are
 * stored values; apply {@link Volume#slope()} and {@link Volume#intercept()} for physical
 * units. Hand-written because imglib2-ij, which does this for ImagePlus, is not on Maven Central.
 */
public final class Imglib2Views {
    private Imglib2Views() {}

    @SuppressWarnings("unchecked")
    public static <T extends NativeType<T>> PlanarImg<T, ?> wrap(Volume v) {
        long[] dims = {v.width(), v.height(), v.depth()};
        return (PlanarImg<T, ?>) switch (v.type()) {
            case UINT8 -> {
                List<ByteArray> planes = new ArrayList<>();
                for (int k = 0; k < v.depth(); k++) planes.add(new ByteArray((byte[]) v.slice(k)));
                PlanarImg<UnsignedByteType, ByteArray> img = new PlanarImg<>(planes, dims, new Fraction());
                img.setLinkedType(new UnsignedByteType(img));
                yield img;
            }
            case UINT16 -> {
                List<ShortArray> planes = new ArrayList<>();
                for (int k = 0; k < v.depth(); k++) planes.add(new ShortArray((short[]) v.slice(k)));
                PlanarImg<UnsignedShortType, ShortArray> img = new PlanarImg<>(planes, dims, new Fraction());
                img.setLinkedType(new UnsignedShortType(img));
                yield img;
            }
            case FLOAT32 -> {
                List<FloatArray> planes = new ArrayList<>();
                for (int k = 0; k < v.depth(); k++) planes.add(new FloatArray((float[]) v.slice(k)));
                PlanarImg<FloatType, FloatArray> img = new PlanarImg<>(planes, dims, new Fraction());
                img.setLinkedType(new FloatType(img));
                yield img;
            }
            case RGB -> {
                List<IntArray> planes = new ArrayList<>();
                for (int k = 0; k < v.depth(); k++) planes.add(new IntArray((int[]) v.slice(k)));
                PlanarImg<ARGBType, IntArray> img = new PlanarImg<>(planes, dims, new Fraction());
                img.setLinkedType(new ARGBType(img));
                yield img;
            }
        };
    }
}
