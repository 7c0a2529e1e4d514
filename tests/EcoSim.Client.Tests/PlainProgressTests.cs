using EcoSim.Client.Cli.Progress;

namespace EcoSim.Client.Tests;

/// <summary>The plain progress lines that logs, CI and redirected output see.</summary>
public sealed class PlainProgressTests
{
    [Fact]
    public async Task A_line_for_each_tenth_of_the_ticks_then_a_done_line_with_rate()
    {
        var clock = new ManualClock();
        var text = new StringWriter();
        await using (var progress = new PlainProgress(text, runs: 2, ticksPerRun: 10, interval: TimeSpan.FromHours(1), clock))
        {
            for (int run = 0; run < 2; run++)
            {
                for (int tick = 0; tick < 10; tick++)
                {
                    clock.Advance(TimeSpan.FromSeconds(0.5));
                    progress.TickDone();
                }
                progress.RunDone();
            }
        }
        string[] lines = Lines(text);
        Assert.Equal(10, lines.Length);
        Assert.Equal("  progress: runs 0/2, ticks 2/20 (10%), 2.0 ticks/s, about 9.0 s left", lines[0]);
        Assert.Equal("  progress: runs 1/2, ticks 12/20 (60%), 2.0 ticks/s, about 4.0 s left", lines[5]);
        Assert.Equal("  progress: runs 1/2, ticks 18/20 (90%), 2.0 ticks/s, about 1.0 s left", lines[8]);
        Assert.Equal("  done: 2 runs, 20 ticks in 10 s (2.0 ticks/s)", lines[9]);
    }

    [Fact]
    public async Task Slow_progress_still_gets_a_line_every_interval()
    {
        var clock = new ManualClock();
        var text = new StringWriter();
        await using (var progress = new PlainProgress(text, runs: 1, ticksPerRun: 1000, interval: TimeSpan.FromSeconds(10), clock))
        {
            for (int tick = 0; tick < 30; tick++)
            {
                clock.Advance(TimeSpan.FromSeconds(4));
                progress.TickDone();
            }
        }
        // 30 ticks of 1000 never reach a tenth, so only the 10-second interval prints: at 12, 24, 36, ... 120 s.
        string[] lines = Lines(text);
        Assert.Equal(10, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("  progress: runs 0/1, ticks ", l));
        Assert.Equal("  progress: runs 0/1, ticks 3/1000 (0%), 0.3 ticks/s, about 1 h 6 min left", lines[0]);
    }

    [Fact]
    public async Task An_interrupted_display_writes_no_done_line()
    {
        var text = new StringWriter();
        await using (var progress = new PlainProgress(text, runs: 3, ticksPerRun: 4, interval: TimeSpan.FromHours(1), new ManualClock()))
        {
            progress.TickDone();
            progress.TickDone();
        }
        Assert.DoesNotContain(Lines(text), l => l.Contains("done:"));
    }

    [Theory]
    [InlineData(0.42, "0.4 s")]
    [InlineData(42.4, "42 s")]
    [InlineData(185, "3 min 5 s")]
    [InlineData(7_800, "2 h 10 min")]
    public void Durations_read_at_a_glance(double seconds, string expected) =>
        Assert.Equal(expected, ProgressSnapshot.Duration(TimeSpan.FromSeconds(seconds)));

    private static string[] Lines(StringWriter text) => text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
