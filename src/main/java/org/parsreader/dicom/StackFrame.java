package org.parsreader.dicom;

/**
 * One slice of a stack: a frame of a file, its geometry, and its position along the stack's
 * slice normal (mm), by which the stack is sorted.
 */
public record StackFrame(InstanceHeader instance, int frameIndex, FrameGeometry geometry, double position) {}
