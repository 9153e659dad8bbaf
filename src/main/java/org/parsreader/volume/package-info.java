/**
 * The {@link org.parsreader.volume.Volume}: one set of per-slice voxel arrays with a linear
 * calibration and an exact patient&lt;-&gt;voxel transform, seen without copying as an
 * ImageJ {@code ImagePlus} ({@link org.parsreader.volume.ImageJViews}) and as an imglib2
 * {@code Img} ({@link org.parsreader.volume.Imglib2Views}).
 *
 * <p>Gantry tilt: the transform keeps the sheared geometry exactly (the slice step vector is
 * not along the normal); no resampling. ImageJ's Calibration gets the distance between slice
 * planes as voxel depth, so ImageJ volumes and areas are right, while positions shown in
 * ImageJ are in the sheared grid: use {@link org.parsreader.volume.VoxelGeometry} for mm.
 */
package org.parsreader.volume;
