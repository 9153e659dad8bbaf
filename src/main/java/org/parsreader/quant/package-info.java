/**
 * Quantification on calibrated volumes: the injected contrast as a 3D region grown from a
 * seed (with a pre-contrast baseline subtracted at the same patient positions when one
 * exists, else separated from bone by a per-case {@link org.parsreader.quant.BoneModel}), written
 * as a 3D mask in patient geometry ({@link org.parsreader.quant.MaskNrrd}), and its measures (volume, craniocaudal extent, distance from the needle tip, HU
 * statistics); its overlap with the compartments a reader marked ({@link
 * org.parsreader.quant.CompartmentOverlap}, ROIs of {@code contrast_compartments} labelled with
 * the compartment); the edema signal ratio on MRI ({@link org.parsreader.quant.BmeRatio}).
 * Works on {@link org.parsreader.volume.Volume} arrays directly; nothing is resampled up front.
 */
package org.parsreader.quant;
