using System.CommandLine;
using System.Globalization;
using EcoSim.Scenarios;

namespace EcoSim.Client.Cli;

/// <summary>
/// <c>--max-memory</c> and <c>--max-work</c>: raise (or lower) the ceilings a scenario's estimated run is
/// checked against before tick 0 (<see cref="ScenarioLimits"/>), for a machine or cluster larger than the
/// documented default.
/// </summary>
internal sealed class LimitOptions
{
    public Option<string?> MaxMemory { get; } = new("--max-memory")
    {
        Description = $"Ceiling on a run's estimated peak memory, e.g. 16GiB or 500MiB [default: {RunCost.Bytes(ScenarioLimits.DefaultMaxMemoryBytes)}]; a larger scenario is refused before tick 0",
        Validators = { r => { if (r.Tokens.Count > 0 && ScenarioLimits.ParseBytes(r.Tokens[^1].Value) is null) r.AddError($"--max-memory: expected a size such as 16GiB, 500MiB or a number of GiB above 0, found '{r.Tokens[^1].Value}'"); } },
    };

    public Option<string?> MaxWork { get; } = new("--max-work")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"Ceiling on a run's estimated work in firm updates (one firm for one quarter), e.g. 1e11 [default: {ScenarioLimits.DefaultMaxWork:0e0}]; a larger scenario is refused before tick 0"),
        Validators = { r => { if (r.Tokens.Count > 0 && ParseWork(r.Tokens[^1].Value) is null) r.AddError($"--max-work: expected a number of firm updates above 0 such as 1e11, found '{r.Tokens[^1].Value}'"); } },
    };

    /// <summary>Adds both options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(MaxMemory);
        command.Options.Add(MaxWork);
    }

    /// <summary>The ceilings the options ask for, the documented defaults where they are not given.</summary>
    public ScenarioLimits Read(ParseResult result) => new(
        result.GetValue(MaxMemory) is { } memory ? ScenarioLimits.ParseBytes(memory)!.Value : ScenarioLimits.DefaultMaxMemoryBytes,
        result.GetValue(MaxWork) is { } work ? ParseWork(work)!.Value : ScenarioLimits.DefaultMaxWork);

    private static double? ParseWork(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && double.IsFinite(v) ? v : null;
}
