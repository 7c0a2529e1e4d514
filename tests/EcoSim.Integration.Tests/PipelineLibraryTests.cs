using EcoSim.Experiments;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Pipelines;
using EcoSim.Experiments.Reproducing;

namespace EcoSim.Integration.Tests;

/// <summary>The pipelines called as a library, without the command line: outcomes, notes, progress events and refusals.</summary>
public sealed class PipelineLibraryTests
{
    private static OutputSettings OnReference(string outDir) => new(new EngineChoice(EngineKind.Reference), outDir, Plots: false);

    private static RunSettings ShortRun(string outDir)
    {
        var small = TestFiles.LoadSmall();
        return new RunSettings(small with { World = small.World with { Ticks = 4 } }, OnReference(outDir));
    }

    [Fact]
    public async Task A_run_returns_its_folder_and_headline_writes_notes_and_reports_every_tick()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "out");
        var notes = new StringWriter();
        var progress = new RecordingProgress();
        var outcome = await new RunPipeline(new PipelineEvents(notes) { Progress = (runs, ticks) => progress.Start(runs, ticks) }).ExecuteAsync(ShortRun(dir), CancellationToken.None);

        Assert.Equal(dir, outcome.Folder);
        Assert.False(outcome.Plots);
        Assert.False(outcome.FirmPanel);
        Assert.Equal("  2024Q1 -> 2024Q4", outcome.Headline[0]);
        Assert.Contains(outcome.Headline, line => line.Contains("firms:", StringComparison.Ordinal));
        Assert.StartsWith("running small: 4 ticks", notes.ToString(), StringComparison.Ordinal);
        Assert.Equal((1, 4), progress.Started);
        Assert.Equal(4, progress.Steps.Count(s => s.Step == ProgressStep.TickDone));
        Assert.Equal(1, progress.Steps.Count(s => s.Step == ProgressStep.RunDone));
        Assert.True(progress.Disposed);
        Assert.True(File.Exists(Path.Combine(dir, RunOutputFolder.ManifestFileName)));
    }

    [Fact]
    public async Task A_folder_that_is_not_ecosim_output_is_refused_before_anything_runs_and_is_left_as_it_was()
    {
        string dir = Path.Combine(TestFiles.NewTempFolder(), "taken");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");
        bool opened = false;
        var events = PipelineEvents.Silent with { OpenEngine = (_, _) => { opened = true; throw new InvalidOperationException("no engine should open"); } };

        var refusal = await Assert.ThrowsAsync<OutputRefusedException>(() => new RunPipeline(events).ExecuteAsync(ShortRun(dir), CancellationToken.None));

        Assert.Contains(dir, refusal.Message, StringComparison.Ordinal);
        Assert.IsType<OutputFolderException>(refusal.InnerException);
        Assert.False(opened);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir, "notes.txt")));
    }

    [Fact]
    public async Task A_reproduction_through_the_library_judges_every_file_identical()
    {
        string root = TestFiles.NewTempFolder();
        await new RunPipeline(PipelineEvents.Silent).ExecuteAsync(ShortRun(Path.Combine(root, "first")), CancellationToken.None);

        var outcome = await new ReproducePipeline(PipelineEvents.Silent).ExecuteAsync(
            new ReproduceSettings(Path.Combine(root, "first", RunOutputFolder.ManifestFileName), Path.Combine(root, "again"), Cluster: null), CancellationToken.None);

        Assert.Equal(0, outcome.Verdict.Failures);
        Assert.IsType<RunOutcome>(outcome.Output);
        Assert.StartsWith("reproduced: all 2 data files are byte-identical", outcome.Verdict.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reproduction_into_the_manifests_own_folder_is_refused()
    {
        string root = TestFiles.NewTempFolder();
        string first = Path.Combine(root, "first");
        await new RunPipeline(PipelineEvents.Silent).ExecuteAsync(ShortRun(first), CancellationToken.None);
        var before = ContentHash.DescribeFiles(first);

        var refusal = await Assert.ThrowsAsync<OutputRefusedException>(() => new ReproducePipeline(PipelineEvents.Silent).ExecuteAsync(
            new ReproduceSettings(Path.Combine(first, RunOutputFolder.ManifestFileName), first, Cluster: null), CancellationToken.None));

        Assert.Contains("is the folder of the manifest", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, ContentHash.DescribeFiles(first));
    }

    /// <summary>Records the progress events of one experiment.</summary>
    private sealed class RecordingProgress : IRunProgress
    {
        public (int Runs, int Ticks)? Started { get; private set; }
        public List<ExperimentProgress> Steps { get; } = [];
        public bool Disposed { get; private set; }

        public IRunProgress Start(int runs, int ticks)
        {
            Started = (runs, ticks);
            return this;
        }

        public void Report(ExperimentProgress value)
        {
            lock (Steps) Steps.Add(value);
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
