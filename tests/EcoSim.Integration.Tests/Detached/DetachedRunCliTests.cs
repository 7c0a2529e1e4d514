using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Output;
using EcoSim.Client.Cli;

namespace EcoSim.Integration.Tests.Detached;

/// <summary>
/// <c>ecosim run --detach</c> and <c>ecosim attach</c> as a user types them, against a real silo in this process: the id
/// printed, the same bytes as a run the client drove, and clear refusals (exit 2) of what cannot be done.
/// </summary>
[Collection(DetachedCliSiloCollection.Name)]
public sealed class DetachedRunCliTests(DetachedCliSilo silo)
{
    private static string Small => TestFiles.SmallScenario;

    private static async Task<(int Code, string Output, string Errors)> Ecosim(string[] args, TextWriter? errors = null, CancellationToken cancellation = default)
    {
        var output = new StringWriter();
        errors ??= new StringWriter();
        int code = await EcoSimCli.RunAsync(args, output, errors, cancellation);
        return (code, output.ToString(), errors.ToString()!);
    }

    private async Task<string> Detach(params string[] more)
    {
        var (code, output, errors) = await Ecosim(["run", Small, "--detach", "--cluster", silo.Address, .. more]);
        Assert.True(code == 0, errors);
        return output.Trim();
    }

    [Fact]
    public async Task Detach_prints_the_run_id_alone_on_standard_output_and_how_to_attach()
    {
        var (code, output, errors) = await Ecosim(["run", Small, "--detach", "--cluster", silo.Address, "--ticks", "2"]);
        Assert.True(code == 0, errors);
        string id = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(DetachedRuns.IsWellFormed(id), $"'{id}' is not a run id");
        Assert.Contains($"follow it and write its output with: ecosim attach {id} --cluster {silo.Address}", errors);
        Assert.NotNull(await DetachedRuns.DescribeAsync(silo.Grains, id));
    }

    [Fact]
    public async Task Attach_writes_the_folder_a_plain_run_writes_with_the_same_metrics_bytes_and_a_manifest_that_says_detached()
    {
        string root = TestFiles.NewTempFolder();
        string id = await Detach("--seed", "7");
        var attached = await Ecosim(["attach", id, "--cluster", silo.Address, "--out", Path.Combine(root, "attached"), "--no-plots"]);
        Assert.True(attached.Code == 0, attached.Errors);
        Assert.Contains($"wrote {Path.Combine(root, "attached")}", attached.Output);
        var plain = await Ecosim(["run", Small, "--seed", "7", "--out", Path.Combine(root, "plain"), "--no-plots"]);
        Assert.True(plain.Code == 0, plain.Errors);

        foreach (string file in new[] { MetricsCsvFormat.FileName, MetricsParquetFormat.FileName })
            Assert.True(File.ReadAllBytes(Path.Combine(root, "plain", file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(root, "attached", file))), $"{file} differs from the plain run's");
        var manifest = ManifestReader.Read(Path.Combine(root, "attached", RunOutputFolder.ManifestFileName));
        var run = Assert.IsType<RunPayload>(manifest.Payload);
        Assert.Equal(id, run.Detached?.RunId);
        // In this process both commands are the test host's; the cluster tests, with a process per command, check the words.
        Assert.Equal(RunEnvironment.CommandLine, run.Detached!.AttachCommandLine);
        Assert.Equal(RunEnvironment.CommandLine, manifest.CommandLine);
        Assert.Equal((7UL, "orleans"), (run.Seed, manifest.Engine));
        // A plain run's manifest has no such key.
        Assert.DoesNotContain("\"detached\"", File.ReadAllText(Path.Combine(root, "plain", RunOutputFolder.ManifestFileName)));
    }

    [Fact]
    public async Task Ctrl_C_while_attached_detaches_again_and_the_run_goes_on_to_be_attached_later()
    {
        string root = TestFiles.NewTempFolder();
        string id = await Detach();
        using var stop = new CancellationTokenSource();
        // Ctrl-C as soon as the client has found the run and begins to follow it.
        var errors = new CancellingWriter("attached to ", stop);
        var first = await Ecosim(["attach", id, "--cluster", silo.Address, "--out", Path.Combine(root, "out"), "--no-plots"], errors, stop.Token);
        Assert.True(first.Code == ExitCodes.Interrupted, first.Errors);
        Assert.Contains($"detached again: run {id} goes on on the cluster", first.Errors);
        Assert.False(Directory.Exists(Path.Combine(root, "out")));

        var second = await Ecosim(["attach", id, "--cluster", silo.Address, "--out", Path.Combine(root, "out"), "--no-plots"]);
        Assert.True(second.Code == 0, second.Errors);
        Assert.Equal(MetricsText.OfReference(TestFiles.LoadSmall().World), File.ReadAllText(Path.Combine(root, "out", MetricsCsvFormat.FileName)));
    }

    [Fact]
    public async Task Attach_to_an_unknown_run_id_exits_2_naming_the_id_and_writes_nothing()
    {
        string root = TestFiles.NewTempFolder();
        string id = $"run-{Guid.NewGuid():N}";
        var (code, _, errors) = await Ecosim(["attach", id, "--cluster", silo.Address, "--out", Path.Combine(root, "out")]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"error: no run '{id}' is known to the cluster", errors);
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public async Task Attach_to_a_run_released_for_want_of_observers_exits_2_saying_after_how_long()
    {
        string root = TestFiles.NewTempFolder();
        string id = await Detach("--ticks", "1");
        // Describe is no observation: poll with it until the run has ended and been released (a few seconds here).
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await DetachedRuns.DescribeAsync(silo.Grains, id) is not null && DateTime.UtcNow < deadline) await Task.Delay(250);
        var (code, _, errors) = await Ecosim(["attach", id, "--cluster", silo.Address, "--out", Path.Combine(root, "out")]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"error: run '{id}' was released after 3 seconds unobserved", errors);
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    [Theory]
    [InlineData(new[] { "--detach" }, "--detach needs --cluster")]
    [InlineData(new[] { "--detach", "--cluster", "127.0.0.1:9", "--checkpoint-every", "2" }, "--detach cannot honour --checkpoint-every")]
    [InlineData(new[] { "--detach", "--cluster", "127.0.0.1:9", "--firm-panel", "--seeds", "3", "--out", "x" }, "--detach cannot honour --out, --seeds, --firm-panel")]
    [InlineData(new[] { "--detach", "--cluster", "127.0.0.1:9", "--engine", "reference" }, "--detach cannot honour --engine reference")]
    public async Task Detach_refuses_what_it_cannot_do_before_it_reaches_a_cluster(string[] options, string message)
    {
        var (code, output, errors) = await Ecosim(["run", Small, .. options]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, errors);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData(new[] { "attach", "run-0123" , "--cluster", "127.0.0.1:9" }, "'run-0123' is not a run id (run-<32 hex digits>")]
    [InlineData(new[] { "attach", "run-0123456789abcdef0123456789abcdef" }, "attach needs --cluster")]
    public async Task Attach_refuses_a_malformed_id_or_no_cluster(string[] args, string message)
    {
        var (code, _, errors) = await Ecosim(args);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, errors);
    }

    [Fact]
    public async Task Help_lists_attach_and_run_detach_and_the_readme_shows_both()
    {
        var root = await Ecosim(["--help"]);
        Assert.Contains("attach", root.Output);
        var run = await Ecosim(["run", "--help"]);
        Assert.Contains("--detach", run.Output);
        var attach = await Ecosim(["attach", "--help"]);
        foreach (string word in new[] { "<run-id>", "--cluster", "--out", "--no-plots", "--overwrite" }) Assert.Contains(word, attach.Output);
        string readme = File.ReadAllText(Path.Combine(TestFiles.RepoRoot, "README.md"));
        Assert.Contains("--detach", readme);
        Assert.Contains("ecosim attach", readme);
    }

    // Standard error that acts as Ctrl-C once a line containing a given text is written.
    private sealed class CancellingWriter(string trigger, CancellationTokenSource stop) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains(trigger, StringComparison.Ordinal) == true) stop.Cancel();
        }
    }
}
