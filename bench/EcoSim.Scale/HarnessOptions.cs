namespace EcoSim.Scale;

/// <summary>What one invocation of the harness does, from its command line.</summary>
/// <param name="Plan">Sizes and repetitions (quick or full).</param>
/// <param name="ResultsFolder">Where samples.csv, summary.csv and summary.md go.</param>
/// <param name="ImagesFolder">Where the plots go.</param>
/// <param name="PlotsFrom">When set, only redraw the plots from this samples.csv.</param>
internal sealed record HarnessOptions(HarnessPlan Plan, string ResultsFolder, string ImagesFolder, string? PlotsFrom)
{
    public const string Usage = "usage: EcoSim.Scale [--quick | --full] [--results DIR] [--images DIR] | --plots-from SAMPLES.csv [--images DIR]";

    /// <summary>
    /// Parses the arguments. The full run writes its plots to docs/images; the quick run writes them next
    /// to its results, so that a smoke test never replaces the published figures.
    /// </summary>
    public static HarnessOptions? Parse(string[] args, string repository, TextWriter errors)
    {
        bool quick = false;
        string? results = null, images = null, plotsFrom = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--full": quick = false; break;
                case "--results" when i + 1 < args.Length: results = args[++i]; break;
                case "--images" when i + 1 < args.Length: images = args[++i]; break;
                case "--plots-from" when i + 1 < args.Length: plotsFrom = args[++i]; break;
                default:
                    errors.WriteLine($"unknown or incomplete argument '{args[i]}'");
                    errors.WriteLine(Usage);
                    return null;
            }
        }
        var plan = quick ? HarnessPlan.Quick : HarnessPlan.Full;
        results ??= Path.Combine(repository, "bench", "results", plan.Name);
        images ??= quick ? results : Path.Combine(repository, "docs", "images");
        return new HarnessOptions(plan, results, images, plotsFrom);
    }
}
