/**
 * The Arxos framed container and its codecs: {@link org.arxos.compress.FrameOutputStream} writes a frame,
 * {@link org.arxos.compress.FrameInputStream} reads one back and never yields a byte that failed its checksum,
 * {@link org.arxos.compress.CodecChoice} picks an {@link org.arxos.compress.Encoding} by level, content type and
 * size, and {@link org.arxos.compress.ContentCoding} decodes and encodes HTTP content codings.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.arxos.compress;
