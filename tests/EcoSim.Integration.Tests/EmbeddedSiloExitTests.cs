using System.Diagnostics;
using EcoSim.Integration.Tests.Hostile;

namespace EcoSim.Integration.Tests;

/// <summary>
/// The command line as its own process on the embedded silo, which it leaves to the process's exit instead of stopping
/// it: the process still ends by itself, with every output written and the reference engine's bytes; refused input still
/// exits 2 having written nothing; and Ctrl-C still stops the run and removes its working folder.
/// </summary>
public sealed class EmbeddedSiloExitTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void A_run_on_the_embedded_silo_ends_its_process_with_its_output_written()
    {
        string root = TestFiles.NewTempFolder();
        string[] quick = ["run", TestFiles.SmallScenario, "--ticks", "3", "--no-plots"];

        var orleans = ChildRun.Ecosim(root, [.. quick, "--out", Path.Combine(root, "orleans")], Timeout);
        var reference = ChildRun.Ecosim(root, [.. quick, "--engine", "reference", "--out", Path.Combine(root, "reference")], Timeout);

        Assert.True(orleans.Code == 0, $"exit {orleans.Code} (-1: still running after {Timeout}): {orleans.Errors}");
        Assert.True(reference.Code == 0, reference.Errors);
        Assert.Contains("engine orleans", orleans.Errors);
        Assert.True(File.Exists(Path.Combine(root, "orleans", "manifest.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(root, "reference", "metrics.csv")), File.ReadAllBytes(Path.Combine(root, "orleans", "metrics.csv")));
    }

    [Fact]
    public void A_refused_scenario_exits_2_with_nothing_written_while_the_early_silo_starts()
    {
        string root = TestFiles.NewTempFolder();
        // small.yaml extends small-baseline.yaml beside it.
        string parent = Path.Combine(root, "small-baseline.yaml"), bad = Path.Combine(root, "bad.yaml");
        File.Copy(Path.Combine(Path.GetDirectoryName(TestFiles.SmallScenario)!, "small-baseline.yaml"), parent);
        File.WriteAllText(bad, File.ReadAllText(TestFiles.SmallScenario) + "\nnot_a_key_of_a_scenario: 1\n");

        var refused = ChildRun.Ecosim(root, ["run", bad, "--out", Path.Combine(root, "out")], Timeout);

        Assert.True(refused.Code == 2, $"exit {refused.Code}: {refused.Errors}");
        Assert.Contains("not_a_key_of_a_scenario: unknown key", refused.Errors);
        Assert.Equal([bad, parent], Directory.GetFileSystemEntries(root).Order());
    }

    [Fact]
    public async Task Ctrl_C_stops_a_run_on_the_embedded_silo_and_removes_its_working_folder()
    {
        string root = TestFiles.NewTempFolder();
        string baseline = Path.Combine(TestFiles.RepoRoot, "scenarios", "guangdong-baseline.yaml");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in (string[])[Path.Combine(AppContext.BaseDirectory, "ecosim.dll"), "run", baseline, "--no-plots", "--out", Path.Combine(root, "out")])
            start.ArgumentList.Add(arg);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var errors = child.StandardError.ReadToEndAsync();
        _ = child.StandardOutput.ReadToEndAsync();
        string? partial = null;
        for (var waited = Stopwatch.StartNew(); partial is null && !child.HasExited && waited.Elapsed < Timeout; await Task.Delay(50))
            partial = Directory.GetDirectories(root, ".out.partial-*").FirstOrDefault(p => File.Exists(Path.Combine(p, "metrics.csv")));
        Assert.False(child.HasExited, "the run ended before Ctrl-C could reach it");
        Assert.NotNull(partial);

        using (var interrupt = Process.Start("kill", ["-INT", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await interrupt.WaitForExitAsync();
        using var bounded = new CancellationTokenSource(Timeout);
        await child.WaitForExitAsync(bounded.Token);

        Assert.True(child.ExitCode == 130, $"exit {child.ExitCode}: {await errors}");
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }
}
