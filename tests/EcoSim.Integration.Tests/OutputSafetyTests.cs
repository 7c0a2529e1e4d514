using System.Diagnostics;
using static EcoSim.Integration.Tests.CliRunner;

namespace EcoSim.Integration.Tests;

/// <summary>
/// What every command that writes a folder does when something is already there, when another command writes
/// the same folder, and after a command was killed: nothing EcoSim did not write is lost, and no earlier result
/// is replaced unless the user asks.
/// </summary>
public sealed class OutputSafetyTests
{
    private static readonly string[] Quick = ["--engine", "reference", "--ticks", "2", "--no-plots"];

    /// <summary>Each command that writes a folder, as a short run, without its --out.</summary>
    public static TheoryData<string> Commands => new() { "run", "run --seeds 2", "compare", "sweep" };

    private static string[] Command(string command, string outDir, params string[] more)
    {
        string small = TestFiles.SmallScenario, baseline = Path.Combine(Path.GetDirectoryName(small)!, "small-baseline.yaml");
        string[] head = command switch
        {
            "run" => ["run", small],
            "run --seeds 2" => ["run", small, "--seeds", "2"],
            "compare" => ["compare", baseline, small, "--seeds", "1"],
            "sweep" => ["sweep", small, "-p", "basicShare=0.1:0.2:0.1", "--seeds", "1"],
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
        return [.. head, .. Quick, "--out", outDir, .. more];
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task An_earlier_output_at_an_explicit_out_is_kept_and_the_flag_to_replace_it_named(string command)
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "out");
        var first = await Ecosim(Command(command, dir));
        Assert.True(first.Code == 0, first.Errors);
        byte[] manifest = File.ReadAllBytes(Path.Combine(dir, "manifest.json"));

        var second = await Ecosim(Command(command, dir));

        Assert.Equal(2, second.Code);
        Assert.Contains($"output folder '{dir}' cannot be used: it holds an earlier output", second.Errors);
        Assert.Contains("--overwrite", second.Errors);
        Assert.DoesNotContain("wrote", second.Output);
        Assert.Equal(manifest, File.ReadAllBytes(Path.Combine(dir, "manifest.json")));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Overwrite_keeps_a_folder_the_user_added_to_and_replaces_an_untouched_one(string command)
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "out");
        Assert.Equal(0, (await Ecosim(Command(command, dir))).Code);
        File.WriteAllText(Path.Combine(dir, "notes.md"), "what I found");
        Directory.CreateDirectory(Path.Combine(dir, "analysis"));
        File.WriteAllText(Path.Combine(dir, "analysis", "a.py"), "import pandas");

        var refused = await Ecosim(Command(command, dir, "--overwrite"));

        Assert.Equal(2, refused.Code);
        Assert.Contains("analysis/a.py (not written by EcoSim)", refused.Errors);
        Assert.Contains("notes.md (not written by EcoSim)", refused.Errors);
        Assert.Equal("what I found", File.ReadAllText(Path.Combine(dir, "notes.md")));
        Assert.Equal("import pandas", File.ReadAllText(Path.Combine(dir, "analysis", "a.py")));

        File.Delete(Path.Combine(dir, "notes.md"));
        Directory.Delete(Path.Combine(dir, "analysis"), recursive: true);
        var replaced = await Ecosim(Command(command, dir, "--overwrite"));

        Assert.True(replaced.Code == 0, replaced.Errors);
        Assert.Contains($"replaced the earlier output in {dir}: ", replaced.Errors);
        Assert.Contains(", written ", replaced.Errors);
    }

    [Fact]
    public async Task A_second_default_run_goes_to_a_fresh_folder_and_says_which()
    {
        string root = TestFiles.NewTempFolder();
        var first = await Child(root, ["run", TestFiles.SmallScenario, .. Quick]);
        Assert.True(first.Code == 0, first.Errors);
        string earlier = Path.Combine(root, "runs", "small");
        File.WriteAllText(Path.Combine(earlier, "notes.md"), "mine");
        byte[] metrics = File.ReadAllBytes(Path.Combine(earlier, "metrics.csv"));

        var second = await Child(root, ["run", TestFiles.SmallScenario, "--seed", "8", .. Quick]);

        Assert.True(second.Code == 0, second.Errors);
        Assert.Contains($"note: {Path.Combine("runs", "small")} already exists; writing {Path.Combine("runs", "small")}-2 instead", second.Errors);
        Assert.Contains($"wrote {Path.Combine("runs", "small")}-2{Path.DirectorySeparatorChar}", second.Output);
        Assert.Equal(metrics, File.ReadAllBytes(Path.Combine(earlier, "metrics.csv")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(earlier, "notes.md")));
        Assert.True(File.Exists(Path.Combine(root, "runs", "small-2", "manifest.json")));
    }

    [Fact]
    public async Task Reproducing_twice_writes_a_second_folder_instead_of_replacing_the_first()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "orig");
        Assert.Equal(0, (await Ecosim(["run", TestFiles.SmallScenario, .. Quick, "--out", dir])).Code);
        string manifest = Path.Combine(dir, "manifest.json");
        Assert.Equal(0, (await Ecosim("reproduce", manifest)).Code);
        File.WriteAllText(Path.Combine(dir + "-reproduced", "notes.md"), "checked");

        var again = await Ecosim("reproduce", manifest);

        Assert.True(again.Code == 0, again.Errors);
        Assert.Contains($"writing {dir}-reproduced-2 instead", again.Errors);
        Assert.Equal("checked", File.ReadAllText(Path.Combine(dir + "-reproduced", "notes.md")));
        Assert.True(File.Exists(Path.Combine(dir + "-reproduced-2", "manifest.json")));
        var refused = await Ecosim("reproduce", manifest, "--out", dir + "-reproduced-2");
        Assert.Equal(2, refused.Code);
        Assert.Contains("--overwrite", refused.Errors);
    }

    [Fact]
    public async Task Of_four_concurrent_runs_to_one_folder_one_writes_it_and_the_others_are_refused()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "shared");
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => Ecosim(["run", TestFiles.SmallScenario, .. Quick, "--seed", $"{i + 1}", "--out", dir]))));

        var written = Assert.Single(runs, r => r.Code == 0);
        Assert.Single(runs, r => r.Output.Contains("wrote", StringComparison.Ordinal));
        foreach (var refused in runs.Where(r => r.Code != 0))
        {
            Assert.Equal(2, refused.Code);
            Assert.Matches("another ecosim command is writing it|it holds an earlier output", refused.Errors);
            Assert.Contains(dir, refused.Errors);
        }
        Assert.Equal([dir], Directory.GetFileSystemEntries(Path.GetDirectoryName(dir)!));
    }

    [Fact]
    public async Task A_killed_run_leaves_a_working_folder_that_the_next_run_removes()
    {
        string root = TestFiles.NewTempFolder();
        string dir = Path.Combine(root, "out");
        string baseline = Path.Combine(TestFiles.RepoRoot, "scenarios", "guangdong-baseline.yaml");
        using var child = StartChild(root, ["run", baseline, "--engine", "reference", "--no-plots", "--out", dir]);
        string? partial = null;
        for (var waited = Stopwatch.StartNew(); partial is null && waited.Elapsed < TimeSpan.FromSeconds(120); await Task.Delay(50))
            partial = Directory.GetDirectories(root, ".out.partial-*").FirstOrDefault(p => File.Exists(Path.Combine(p, "metrics.csv")));
        Assert.False(child.HasExited, "the run ended before it could be killed");
        Assert.NotNull(partial);
        child.Kill(entireProcessTree: true); // SIGKILL: no handler runs, the working folder stays
        await child.WaitForExitAsync();
        Assert.True(Directory.Exists(partial));

        var next = await Ecosim(["run", TestFiles.SmallScenario, .. Quick, "--out", dir]);

        Assert.True(next.Code == 0, next.Errors);
        Assert.Contains("removed 1 unfinished working folder", next.Errors);
        Assert.Equal([dir], Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public async Task A_link_given_as_out_gets_the_output_where_it_points()
    {
        string root = TestFiles.NewTempFolder();
        string target = Path.Combine(root, "disk", "results");
        Directory.CreateDirectory(target);
        string link = Path.Combine(root, "latest");
        Directory.CreateSymbolicLink(link, target);

        var run = await Ecosim(["run", TestFiles.SmallScenario, .. Quick, "--out", link]);

        Assert.True(run.Code == 0, run.Errors);
        Assert.True(File.Exists(Path.Combine(target, "metrics.csv")));
        Assert.Equal(target, new DirectoryInfo(link).LinkTarget);
        Assert.Contains($"wrote {target}{Path.DirectorySeparatorChar}", run.Output);
    }

    private static Process StartChild(string workingDirectory, string[] args)
    {
        string ecosim = Path.Combine(AppContext.BaseDirectory, "ecosim.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ecosim);
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment["ECOSIM_PROGRESS"] = "plain";
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start ecosim");
    }

    /// <summary>Runs ecosim as its own process in <paramref name="workingDirectory"/>, where the default output folder runs/ is relative to.</summary>
    private static async Task<(int Code, string Output, string Errors)> Child(string workingDirectory, string[] args)
    {
        using var process = StartChild(workingDirectory, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }
}
