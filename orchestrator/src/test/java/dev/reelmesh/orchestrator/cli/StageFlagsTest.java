package dev.reelmesh.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.v1.ClipCheckPolicy;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.LyricLine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** --lyrics (plain or LRC), --keep-traces and --clip-checks become the job's spec. */
class StageFlagsTest {
  @TempDir Path dir;

  private static JobSpec spec(String... args) throws Exception {
    GenerateCommand command = new GenerateCommand();
    CommandLine cli = new CommandLine(command);
    cli.parseArgs(args);
    return command.options.build(new Checks(cli.getCommandSpec()));
  }

  @Test
  void lrcLinesAreTimedUntilTheNextLineAndTagsSkipped() throws Exception {
    Path lrc = Files.writeString(dir.resolve("song.lrc"), "[ar: someone]\n[00:01.50] first"
        + " line\n\n[00:04.00]second line\n[00:07.25]\n[00:09.00] last line\n");
    JobSpec spec = spec("a song", "--lyrics", lrc.toString(), "--keep-traces",
        "--clip-checks", "flag");
    assertThat(spec.getLyricsList()).containsExactly(
        line("first line", 1.5, 4.0), line("second line", 4.0, 7.25),
        line("last line", 9.0, 9.0 + LyricsFile.LAST_LINE_SECONDS));
    assertThat(spec.getKeepTraces()).isTrue();
    assertThat(spec.getClipChecks()).isEqualTo(ClipCheckPolicy.CLIP_CHECK_POLICY_FLAG_ONLY);
  }

  @Test
  void plainLinesAreUntimedAndTheDefaultsAreRerenderAndNoTraces() throws Exception {
    Path txt = Files.writeString(dir.resolve("song.txt"), "one\n  two  \n\nthree\n");
    JobSpec spec = spec("a song", "--lyrics", txt.toString());
    assertThat(spec.getLyricsList()).extracting(LyricLine::getText)
        .containsExactly("one", "two", "three");
    assertThat(spec.getLyricsList()).allMatch(l -> l.getStartSeconds() == 0
        && l.getEndSeconds() == 0);
    assertThat(spec.getKeepTraces()).isFalse();
    assertThat(spec.getClipChecks()).isEqualTo(ClipCheckPolicy.CLIP_CHECK_POLICY_RERENDER_ONCE);
  }

  @Test
  void badLyricsAndPoliciesAreRefusedBeforeAnyWork() throws Exception {
    Path mixed = Files.writeString(dir.resolve("mixed.lrc"), "[00:01.00] timed\nuntimed\n");
    Path backwards = Files.writeString(dir.resolve("back.lrc"), "[00:05.00] b\n[00:02.00] a\n");
    refused("--lyrics " + mixed + ": line 2: mixes timed ([mm:ss.xx]) and untimed lines; time "
        + "every line or none", "a song", "--lyrics", mixed.toString());
    refused("--lyrics " + backwards + ": line 2: starts at 2.0 s, not after the line before",
        "a song", "--lyrics", backwards.toString());
    refused("--lyrics " + dir.resolve("none.lrc") + ": no such file", "a song", "--lyrics",
        dir.resolve("none.lrc").toString());
    refused("--clip-checks must be rerender, flag or off, got 'twice'", "a song",
        "--clip-checks", "twice");
  }

  private static void refused(String message, String... args) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> spec(args))
        .isInstanceOf(CommandLine.ParameterException.class).hasMessage(message);
  }

  private static LyricLine line(String text, double start, double end) {
    return LyricLine.newBuilder().setText(text).setStartSeconds(start).setEndSeconds(end).build();
  }
}
