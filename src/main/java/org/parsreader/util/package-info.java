/** Small shared pieces: progress reporting. */
package org.parsreader.util;
