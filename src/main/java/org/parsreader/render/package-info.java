/**
 * Off-screen drawing of plots to PNG (Java2D on a BufferedImage; headless, no windows): the
 * only place outside the ImageJ package that uses java.awt. Knows nothing of the domain:
 * callers turn their results into rows.
 */
package org.parsreader.render;
