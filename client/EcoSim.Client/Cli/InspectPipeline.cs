using System.Globalization;
using System.Text.Json;
using EcoSim.Client.Engines;
using EcoSim.Model.Inspection;

namespace EcoSim.Client.Cli;

/// <summary>What <c>ecosim inspect</c> was asked.</summary>
/// <param name="ScenarioPath">Scenario file.</param>
/// <param name="Entity">The agent, as written on the command line.</param>
/// <param name="Tick">Ticks to run before reading the state (null: the whole scenario).</param>
/// <param name="Seed">Seed overriding the scenario's, if any.</param>
/// <param name="Engine">"orleans" or "reference".</param>
/// <param name="FirmsPerShard">Firms per shard grain.</param>
/// <param name="Cluster">A running cluster, or null for an embedded silo.</param>
/// <param name="Json">Write JSON instead of a table.</param>
internal sealed record InspectSettings(string ScenarioPath, string Entity, int? Tick, ulong? Seed, string Engine, int FirmsPerShard,
    Hosting.EcoSimClusterOptions? Cluster, bool Json)
{
    /// <summary>A folder (<c>--scenario-root</c>) whose files <c>extends</c> may also reach, or null.</summary>
    public string? ScenarioRoot { get; init; }
}

/// <summary>
/// <c>ecosim inspect</c>: runs a scenario to a tick, pauses it there, and prints one firm's, lab's,
/// fund's or talent pool's state, read from the grain (or the reference engine's arrays) that holds it.
/// </summary>
internal sealed class InspectPipeline(TextWriter output, TextWriter errors)
{
    public async Task<int> ExecuteAsync(InspectSettings settings, CancellationToken cancellation)
    {
        if (!EntityRef.TryParse(settings.Entity, out var entity))
        {
            errors.WriteLine($"error: entity '{settings.Entity}' is not {EntityRef.Forms}, e.g. firm:3:1200 or lab:17");
            return ExitCodes.BadInput;
        }
        var scenario = CommandInputs.LoadScenario(settings.ScenarioPath, errors, settings.ScenarioRoot);
        if (scenario is null) return ExitCodes.BadInput;
        if (settings.Seed is ulong seed) scenario = scenario.WithSeed(seed);
        var world = scenario.World;
        int ticks = settings.Tick ?? world.Ticks;
        if (ticks < 1 || ticks > world.Ticks)
        {
            errors.WriteLine($"error: --tick {ticks} is outside 1..{world.Ticks}, the ticks of {scenario.Name} ({world.Start}..{world.PeriodOf(world.Ticks - 1)})");
            return ExitCodes.BadInput;
        }

        await using var engine = await EngineFactory.OpenAsync(settings.Engine, settings.FirmsPerShard, settings.Cluster, cancellation);
        EntityState state;
        try { state = await engine.InspectAsync(world, ticks, entity, cancellation); }
        catch (ArgumentOutOfRangeException e)
        {
            errors.WriteLine($"error: {FirstLine(e.Message)}");
            return ExitCodes.BadInput;
        }

        string period = world.PeriodOf(ticks - 1).ToString();
        if (settings.Json)
            output.WriteLine(JsonSerializer.Serialize(new
            {
                entity = entity.ToString(), description = state.Description, scenario = scenario.Name, seed = world.Seed,
                ticks = state.Ticks, period, engine = engine.Name,
                fields = state.Fields.Select(f => new { name = f.Name, value = f.Value, unit = f.Unit }),
            }, new JsonSerializerOptions { WriteIndented = true }));
        else
            WriteTable(state, string.Create(CultureInfo.InvariantCulture,
                $"{entity}: {state.Description}, at the end of {period} (after {state.Ticks} ticks) of {scenario.Name}, seed {world.Seed}, engine {engine.Name}"));
        return ExitCodes.Ok;
    }

    private void WriteTable(EntityState state, string title)
    {
        output.WriteLine(title);
        int name = state.Fields.Max(f => f.Name.Length), value = state.Fields.Max(f => f.Value.Length);
        foreach (var field in state.Fields) output.WriteLine($"  {field.Name.PadRight(name)}  {field.Value.PadLeft(value)}  {field.Unit}");
    }

    // Exception messages of ArgumentOutOfRangeException end with the parameter and value on their own lines.
    private static string FirstLine(string message) => message.Split('\n', 2)[0].Replace(" (Parameter 'entity')", "", StringComparison.Ordinal).Trim();
}
