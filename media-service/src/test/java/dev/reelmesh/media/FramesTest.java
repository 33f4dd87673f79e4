package dev.reelmesh.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.media.probe.MediaInfo;
import dev.reelmesh.v1.ContactSheetRequest;
import dev.reelmesh.v1.ContactSheetResponse;
import dev.reelmesh.v1.ContactSheetTile;
import dev.reelmesh.v1.ExtractFramesRequest;
import dev.reelmesh.v1.ExtractFramesResponse;
import dev.reelmesh.v1.ImageFormat;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FramesTest extends MediaTestBase {

  @Test
  void extractsFramesAtTimesAndEveryNSeconds() {
    TestMedia.clip(at("in/v.mp4"), 320, 180, 24, 2, 0);
    ExtractFramesResponse at = stub().extractFrames(ExtractFramesRequest.newBuilder()
        .setVideo(ref("in/v.mp4")).addTimesSeconds(0).addTimesSeconds(1.96).setWidth(160)
        .setOutputDir("frames/a").build());
    assertThat(at.getFramesList()).extracting(f -> f.getTimeSeconds()).containsExactly(0.0, 1.96);
    MediaInfo png = TestMedia.probe(at(at.getFrames(1).getImage().getUri()));
    assertThat(png.container()).isEqualTo("png_pipe");
    assertThat(png.video().orElseThrow().width()).isEqualTo(160);
    assertThat(png.video().orElseThrow().height()).isEqualTo(90);

    ExtractFramesResponse every = stub().extractFrames(ExtractFramesRequest.newBuilder()
        .setVideo(ref("in/v.mp4")).setEverySeconds(0.5).setFormat(ImageFormat.IMAGE_FORMAT_JPEG)
        .setMaxFrames(3).build());
    assertThat(every.getFramesList()).extracting(f -> f.getTimeSeconds())
        .containsExactly(0.0, 0.5, 1.0);
    assertThat(every.getFrames(0).getImage().getMediaType()).isEqualTo("image/jpeg");
  }

  @Test
  void contactSheetIsALabelledGridWithThumbnail() {
    ContactSheetRequest.Builder r = ContactSheetRequest.newBuilder().setTileWidth(160)
        .setThumbnail(true).setOutputPath("sheets/board.png");
    for (int i = 0; i < 5; i++) {
      TestMedia.still(at("in/f" + i + ".png"), 320, 180, i % 2 == 0 ? "testsrc2" : "smptebars");
      r.addTiles(ContactSheetTile.newBuilder().setImage(ref("in/f" + i + ".png"))
          .setLabel("clip " + i + " start: 71.4 'best'"));
    }
    ContactSheetResponse sheet = stub().contactSheet(r.build());

    MediaInfo info = TestMedia.probe(at("sheets/board.png"));
    // 5 tiles → 3 columns x 2 rows of 160x90 cells, each with a 16 px label strip.
    assertThat(info.video().orElseThrow().width()).isEqualTo(480);
    assertThat(info.video().orElseThrow().height()).isEqualTo(2 * (90 + 16));
    MediaInfo thumb = TestMedia.probe(at(sheet.getThumbnail().getUri()));
    assertThat(thumb.video().orElseThrow().width()).isEqualTo(160);
    assertThat(sheet.getThumbnail().getMediaType()).isEqualTo("image/jpeg");
  }

  @Test
  void badRequestsAnswerPreciseStatuses() throws Exception {
    TestMedia.clip(at("in/v.mp4"), 160, 90, 24, 1, 0);
    TestMedia.tone(at("in/a.wav"), 440, 1, -10);
    ExtractFramesRequest.Builder ok = ExtractFramesRequest.newBuilder().setVideo(ref("in/v.mp4"))
        .addTimesSeconds(0.5).setOutputDir("frames/bad");
    expect(() -> stub().extractFrames(ok.clone().addTimesSeconds(5).build()),
        Status.Code.INVALID_ARGUMENT, "times_seconds[1]");
    expect(() -> stub().extractFrames(ok.clone().clearTimesSeconds().setEverySeconds(-1)
        .build()), Status.Code.INVALID_ARGUMENT, "every_seconds");
    expect(() -> stub().extractFrames(ok.clone().setVideo(ref("in/a.wav")).build()),
        Status.Code.INVALID_ARGUMENT, "video: expected a video");
    expect(() -> stub().extractFrames(ok.clone().setMaxFrames(5000).build()),
        Status.Code.INVALID_ARGUMENT, "max_frames");
    expect(() -> stub().extractFrames(ok.clone().setFormatValue(99).build()),
        Status.Code.INVALID_ARGUMENT, "format");
    expect(() -> stub().contactSheet(ContactSheetRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT, "tiles");
    expect(() -> stub().contactSheet(ContactSheetRequest.newBuilder().addTiles(
        ContactSheetTile.newBuilder().setImage(ref("in/v.mp4"))).build()),
        Status.Code.INVALID_ARGUMENT, "tiles[0].image: expected a still image");
    assertThat(Files.exists(at("frames/bad"))).isFalse();
  }

  private static void expect(Executable call, Status.Code code, String text) {
    assertThatThrownBy(call::execute).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(code);
      assertThat(e.getStatus().getDescription()).contains(text);
    });
  }
}
