using System.IO.Compression;
using EcoSim.Experiments;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Pipelines;
using EcoSim.Explorer.Library;
using EcoSim.Grains.Abstractions;

namespace EcoSim.Explorer.Runs;

/// <summary>How to compute a live run again on the command line: the scenario file to save and the command to type.</summary>
/// <param name="ScenarioFile">Where to save the scenario, relative to EcoSim's folder (e.g. <c>scenarios/guangdong-baseline-explorer-3fa2b1c4d5e6.yaml</c>).</param>
/// <param name="ScenarioText">The scenario file's text.</param>
/// <param name="Extends">The files it extends, in order; those not shipped are to be saved beside it.</param>
/// <param name="Command">The command, one word each (<c>ecosim run ...</c>).</param>
/// <param name="Quarters">The quarters it computes: those the run has done.</param>
/// <param name="Folder">The output folder it writes, and the folder a download unpacks to.</param>
public sealed record RunRecipe(string ScenarioFile, string ScenarioText, IReadOnlyList<ExtendedFile> Extends, IReadOnlyList<string> Command, int Quarters, string Folder);

/// <summary>
/// A live run as the command line's output folder: its quarters so far computed again by
/// <see cref="RunPipeline"/>, the code <c>ecosim run</c> runs, from the run's reproducing scenario file
/// (<see cref="RunScenarioFile"/>) on the explorer's engine, so metrics.csv, metrics.parquet,
/// manifest.json and report.html are those the recipe's command writes, and <c>ecosim reproduce</c>
/// passes on the manifest. The recomputed quarters are checked against the run's, bit for bit, and the
/// folder is zipped and removed. Downloads are computed one at a time: each costs a run.
/// </summary>
public static class RunDownload
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>The recipe of <paramref name="run"/> as it stands, with or without plots.</summary>
    /// <exception cref="RunStateException">The run has no quarter yet.</exception>
    public static RunRecipe RecipeOf(LiveRun run, ISimulationEngine engine, bool plots)
    {
        int quarters = run.Quarters;
        if (quarters == 0) throw new RunStateException("the run has no quarter yet: step or play it first");
        var file = RunScenarioFile.Of(run.Plan, run.Id);
        var command = new List<string> { "ecosim", "run", file.Path };
        if (quarters < file.Scenario.World.Ticks) command.AddRange(["--ticks", $"{quarters}"]);
        if (engine.Kind != EngineKind.Orleans) command.AddRange(["--engine", engine.Name]);
        else if (engine.FirmsPerShard != RunLayout.DefaultFirmsPerShard) command.AddRange(["--firms-per-shard", $"{engine.FirmsPerShard}"]);
        if (!plots) command.Add("--no-plots");
        return new RunRecipe(file.Path, file.Text, file.Extends, command, quarters, $"runs/{file.Scenario.Name}");
    }

    /// <summary>The output folder of <paramref name="recipe"/>, computed for <paramref name="run"/>, as a zip holding the folder.</summary>
    /// <exception cref="InvalidOperationException">A recomputed quarter differs from the run's: the run is not deterministic.</exception>
    public static async Task<byte[]> ZipAsync(LiveRun run, RunRecipe recipe, ISimulationEngine engine, bool plots, CancellationToken cancellation)
    {
        var file = RunScenarioFile.Of(run.Plan, run.Id);
        var scenario = file.Scenario with { World = file.Scenario.World with { Ticks = recipe.Quarters } };
        string name = Path.GetFileName(recipe.Folder);
        await OneAtATime.WaitAsync(cancellation);
        // A folder of its own, made here, holds only what the pipeline writes; it is removed whole.
        DirectoryInfo? work = null;
        try
        {
            work = Directory.CreateTempSubdirectory("ecosim-download-");
            string folder = Path.Combine(work.FullName, name);
            var events = new PipelineEvents(TextWriter.Null) { OpenEngine = (_, _) => Task.FromResult<ISimulationEngine>(new BorrowedEngine(engine)) };
            var output = new OutputSettings(new EngineChoice(engine.Kind, Math.Max(1, engine.FirmsPerShard)), folder, plots) { CommandLine = recipe.Command };
            await new RunPipeline(events).ExecuteAsync(new RunSettings(scenario, output), cancellation);
            CheckSame(run.QuartersFrom(0).Take(recipe.Quarters).ToList(), MetricsCsvReader.ReadFile(Path.Combine(folder, "metrics.csv")));
            using var zip = new MemoryStream();
            ZipFile.CreateFromDirectory(folder, zip, CompressionLevel.Fastest, includeBaseDirectory: true);
            return zip.ToArray();
        }
        finally
        {
            OneAtATime.Release();
            work?.Delete(recursive: true);
        }
    }

    private static void CheckSame(IReadOnlyList<QuarterView> live, IReadOnlyList<Model.Metrics.MetricsRow> written)
    {
        foreach (var tick in written.GroupBy(r => r.Tick))
        {
            if (tick.Key >= live.Count) throw new InvalidOperationException($"the download computed tick {tick.Key}, beyond the run's {live.Count} quarters");
            var quarter = live[tick.Key];
            foreach (var row in tick)
            {
                var expected = row.Cluster == Model.Metrics.MetricsRow.RegionIndex ? quarter.Region : quarter.Clusters[row.Cluster];
                if (!row.Values.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(expected.Select(BitConverter.DoubleToInt64Bits)))
                    throw new InvalidOperationException($"the download computed {quarter.Period} ({row.ClusterId}) differently from the live run: the run is not deterministic");
            }
        }
        if (written.Select(r => r.Tick).Distinct().Count() != live.Count)
            throw new InvalidOperationException($"the download computed {written.Select(r => r.Tick).Distinct().Count()} quarters, not the run's {live.Count}");
    }
}
