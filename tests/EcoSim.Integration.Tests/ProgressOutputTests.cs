namespace EcoSim.Integration.Tests;

/// <summary>Every command that runs the model shows the same plain progress when standard error is not a terminal.</summary>
public sealed class ProgressOutputTests
{
    [Fact]
    public async Task Run_compare_and_sweep_report_runs_ticks_rate_and_time_left()
    {
        string root = TestFiles.NewTempFolder();
        string baseline = Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-baseline.yaml");
        var commands = new (string[] Args, string Done)[]
        {
            (["run", TestFiles.SmallScenario, "--ticks", "4"], "  done: 1 run, 4 ticks in "),
            (["run", TestFiles.SmallScenario, "--ticks", "4", "--seeds", "2"], "  done: 2 runs, 8 ticks in "),
            (["compare", baseline, TestFiles.SmallScenario, "--ticks", "4", "--seeds", "2"], "  done: 4 runs, 16 ticks in "),
            (["sweep", baseline, "--param", "basicShare=0.1:0.2:0.1", "--ticks", "4", "--seeds", "2"], "  done: 4 runs, 16 ticks in "),
        };
        foreach (var (args, done) in commands)
        {
            var (code, _, errors) = await CliRunner.Ecosim([.. args, "--engine", "reference", "--no-plots", "--out", Path.Combine(root, args[0] + args.Length)]);
            Assert.True(code == 0, errors);
            var lines = errors.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            Assert.Contains(lines, l => l.StartsWith(done, StringComparison.Ordinal) && l.EndsWith(" ticks/s)", StringComparison.Ordinal));
            var progress = lines.Where(l => l.StartsWith("  progress: runs ", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(progress);
            Assert.All(progress, l => Assert.Matches(@"^  progress: runs \d+/\d+, ticks \d+/\d+ \(\d+%\), \d+\.\d ticks/s, (about .+ left|time left not known yet)$", l));
        }
    }
}
