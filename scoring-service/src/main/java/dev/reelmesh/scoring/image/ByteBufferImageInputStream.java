package dev.reelmesh.scoring.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO stream that reads a buffer in place. ImageIO's own memory stream copies everything it
 * reads into a cache of its own; inline images are already whole in memory (in the parsed
 * request), so readers can seek in them directly. The buffer's position and limit at construction
 * bound the image; the buffer itself is only read, with absolute indexes.
 */
final class ByteBufferImageInputStream extends ImageInputStreamImpl {
  private final ByteBuffer data;
  private final int base;
  private final int length;

  ByteBufferImageInputStream(ByteBuffer buffer) {
    this.data = buffer;
    this.base = buffer.position();
    this.length = buffer.remaining();
  }

  @Override
  public int read() throws IOException {
    checkClosed();
    if (streamPos >= length) {
      return -1;
    }
    bitOffset = 0;
    return data.get(base + (int) streamPos++) & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    checkClosed();
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (streamPos >= length) {
      return -1;
    }
    bitOffset = 0;
    int n = (int) Math.min(len, length - streamPos);
    data.get(base + (int) streamPos, b, off, n);
    streamPos += n;
    return n;
  }

  @Override
  public long length() {
    return length;
  }
}
