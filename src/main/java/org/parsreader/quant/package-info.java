/**
 * Quantification on calibrated volumes: the injected contrast as a 3D region grown from a
 * seed (with a pre-contrast baseline subtracted at the same patient positions when one
 * exists), and its measures (volume, craniocaudal extent, distance from the needle tip, HU
 * statistics). Works on {@link org.parsreader.volume.Volume} arrays directly; nothing is
 * resampled up front.
 */
package org.parsreader.quant;
