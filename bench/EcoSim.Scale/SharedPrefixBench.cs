using System.Diagnostics;
using System.Globalization;
using EcoSim.Experiments;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Pipelines;
using EcoSim.Model.Parameters;

namespace EcoSim.Scale;

/// <summary>
/// What <c>compare</c> gains by computing the history a baseline and its policy twin share once per seed: the baseline
/// against a policy that first differs at a chosen quarter (the one-third floor from then on), compared with sharing off
/// and on, taking turns, on the embedded silo; summary.csv must be the same bytes both ways. The ideal saving is the
/// share of shared ticks in all the ticks computed: <c>shared / (2 * horizon)</c>.
/// </summary>
internal static class SharedPrefixBench
{
    public const string Argument = "--shared-prefix";

    public static async Task<int> RunAsync(string[] args)
    {
        int seeds = 10, repeats = 2;
        string onset = "2030Q1";
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--seeds" && i + 1 < args.Length) seeds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--repeats" && i + 1 < args.Length) repeats = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--onset" && i + 1 < args.Length) onset = args[++i];
            else
            {
                Console.Error.WriteLine($"usage: EcoSim.Scale {Argument} [--seeds 10] [--repeats 2] [--onset 2030Q1]");
                return 2;
            }
        }
        var baseline = Worlds.BaselineScenario();
        if (!EcoSim.Model.Time.Period.TryParse(onset, out var quarter)) { Console.Error.WriteLine($"--onset '{onset}' is not a quarter such as 2030Q1"); return 2; }
        int tick = quarter.QuartersSince(baseline.World.Start);
        if (!ParameterCatalog.TryGet("minBasicShare", out var floor)) throw new InvalidOperationException("minBasicShare is not in the catalogue");
        var policy = ParameterOverride.Apply(baseline, floor, 0.3333, fromTick: tick);
        var seedList = Enumerable.Range(1, seeds).Select(s => (ulong)s).ToList();
        string root = Directory.CreateTempSubdirectory("ecosim-shared-prefix-").FullName;
        var times = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
        byte[]? summary = null;
        try
        {
            for (int r = 0; r < repeats; r++)
            {
                foreach (bool share in r % 2 == 0 ? new[] { false, true } : [true, false])
                {
                    string folder = Path.Combine(root, $"{(share ? "shared" : "whole")}-{r}");
                    var settings = new CompareSettings(baseline, policy, seedList, new OutputSettings(new EngineChoice(EngineKind.Orleans), folder, Plots: false, Parallel: Environment.ProcessorCount))
                    {
                        SharePrefix = share,
                    };
                    var clock = Stopwatch.StartNew();
                    await new ComparePipeline(new PipelineEvents(TextWriter.Null)).ExecuteAsync(settings, CancellationToken.None);
                    times[share].Add(clock.Elapsed.TotalSeconds);
                    var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, SummaryCsv.FileName));
                    if (summary is not null && !summary.AsSpan().SequenceEqual(bytes))
                    {
                        Console.Error.WriteLine($"summary.csv differs between runs (sharing {(share ? "on" : "off")}, repeat {r + 1})");
                        return 1;
                    }
                    summary = bytes;
                }
            }
        }
        finally
        {
            // A folder this run made for itself (a new, uniquely named temporary folder) holding only the comparisons it wrote.
            Directory.Delete(root, recursive: true);
        }
        double whole = times[false].Order().ElementAt(times[false].Count / 2), shared = times[true].Order().ElementAt(times[true].Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"compare, baseline against the one-third floor from {onset} ({tick} of {baseline.World.Ticks} quarters shared), {seeds} paired seeds, embedded silo, {Environment.ProcessorCount} runs at a time:"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  every run from tick 0: {whole:F1} s ({string.Join(", ", times[false].Select(t => t.ToString("F1", CultureInfo.InvariantCulture)))}); shared history: {shared:F1} s ({string.Join(", ", times[true].Select(t => t.ToString("F1", CultureInfo.InvariantCulture)))})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  saving {100 * (1 - shared / whole):F1}% (ideal {100.0 * tick / (2 * baseline.World.Ticks):F1}%); summary.csv the same bytes both ways"));
        return 0;
    }
}
