/** Small shared pieces: progress reporting, a bounded parallel runner. */
package org.parsreader.util;
