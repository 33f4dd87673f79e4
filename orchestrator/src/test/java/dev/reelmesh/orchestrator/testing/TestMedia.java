package dev.reelmesh.orchestrator.testing;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.Motion;
import dev.reelmesh.v1.RenderMotionClipRequest;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Real media made in the test: a Java2D PNG, a sine WAV, an MP4 from the media service. */
public final class TestMedia {
  private TestMedia() {}

  public static byte[] png(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(0x2E4057), width, height, new Color(0xF2A65A)));
    g.fillRect(0, 0, width, height);
    g.setColor(Color.WHITE);
    g.fillOval(width / 3, height / 3, width / 3, height / 3);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** A 440 Hz tone, 24 kHz 16-bit mono, as OpenAI speech answers WAV. */
  public static byte[] wav(double seconds) throws IOException {
    float rate = 24_000;
    int samples = (int) (rate * seconds);
    ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < samples; i++) {
      pcm.putShort((short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000));
    }
    AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm.array()), format,
        samples), AudioFileFormat.Type.WAVE, out);
    return out.toByteArray();
  }

  /** An MP4 of {@code seconds}, rendered by the mesh's media service from a PNG. */
  public static byte[] mp4(TestMesh mesh, double seconds) throws IOException {
    return mp4(mesh.channels().media(), mesh.settings.artifactRoot(), seconds);
  }

  /** As above, from a media service serving {@code root}. */
  public static byte[] mp4(io.grpc.Channel media, Path root, double seconds) throws IOException {
    Path frame = root.resolve("fixtures/sora-frame.png");
    Files.createDirectories(frame.getParent());
    Files.write(frame, png(320, 180));
    ArtifactStore store = new ArtifactStore(root);
    var response = MediaServiceGrpc.newBlockingStub(media)
        .withDeadlineAfter(2, TimeUnit.MINUTES)
        .renderMotionClip(RenderMotionClipRequest.newBuilder()
            .setStartFrame(store.describe(frame, "image/png")).setDurationSeconds(seconds)
            .setWidth(320).setHeight(180).setFps(24).setMotion(Motion.MOTION_ZOOM_IN)
            .setOutputPath("fixtures/sora.mp4").build());
    return Files.readAllBytes(root.resolve(response.getClip().getUri()));
  }
}
