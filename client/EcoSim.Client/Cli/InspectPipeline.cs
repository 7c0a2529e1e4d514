using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoSim.Experiments.Engines;
using EcoSim.Model.Inspection;

namespace EcoSim.Client.Cli;

/// <summary>What <c>ecosim inspect</c> was asked.</summary>
/// <param name="ScenarioPath">Scenario file.</param>
/// <param name="Entity">The agent, as written on the command line.</param>
/// <param name="Tick">Ticks to run before reading the state (null: the whole scenario).</param>
/// <param name="Seed">Seed overriding the scenario's, if any.</param>
/// <param name="Engine">The engine, with its shard size and cluster.</param>
/// <param name="Json">Write JSON instead of a table.</param>
internal sealed record InspectSettings(string ScenarioPath, string Entity, int? Tick, ulong? Seed, EngineChoice Engine, bool Json)
{
    /// <summary>A folder (<c>--scenario-root</c>) whose files <c>extends</c> may also reach, or null.</summary>
    public string? ScenarioRoot { get; init; }

    /// <summary>The ceilings on the scenario's estimated memory and work (<c>--max-memory</c>, <c>--max-work</c>); the documented defaults when null.</summary>
    public Scenarios.ScenarioLimits? Limits { get; init; }
}

/// <summary>
/// <c>ecosim inspect</c>: runs a scenario to a tick, pauses it there, and prints one firm's, lab's,
/// fund's or talent pool's state, read from the grain (or the reference engine's arrays) that holds it.
/// </summary>
internal sealed class InspectPipeline(TextWriter output, TextWriter errors)
{
    public async Task<int> ExecuteAsync(InspectSettings settings, CancellationToken cancellation)
    {
        var scenario = CommandInputs.LoadScenario(settings.ScenarioPath, errors, settings.ScenarioRoot, settings.Limits);
        if (scenario is null) return ExitCodes.BadInput;
        if (settings.Seed is ulong seed) scenario = scenario.WithSeed(seed);
        var world = scenario.World;
        if (!InspectTarget.TryResolve(settings.Entity, world, out var entity, out string problem))
        {
            errors.WriteLine($"error: {problem}");
            return ExitCodes.BadInput;
        }
        int ticks = settings.Tick ?? world.Ticks;
        if (ticks < 1 || ticks > world.Ticks)
        {
            errors.WriteLine($"error: --tick {ticks} is outside 1..{world.Ticks}, the ticks of {scenario.Name} ({world.Start}..{world.PeriodOf(world.Ticks - 1)})");
            return ExitCodes.BadInput;
        }

        await using var engine = await settings.Engine.OpenAsync(cancellation, errors);
        EntityState state;
        try { state = await engine.InspectAsync(world, ticks, entity, cancellation); }
        catch (ArgumentOutOfRangeException e)
        {
            errors.WriteLine($"error: {FirstLine(e.Message)}");
            return ExitCodes.BadInput;
        }

        string period = world.PeriodOf(ticks - 1).ToString();
        string? exited = Exited(entity, state, world);
        if (settings.Json)
            output.WriteLine(Json(entity, state, scenario.Name, world, period, engine.Name, exited).ToJsonString(JsonOptions));
        else
        {
            string cluster = entity.Kind is EntityKind.Firm or EntityKind.TalentPool ? $" ({world.Clusters[entity.Cluster].Id})" : "";
            WriteTable(state, string.Create(CultureInfo.InvariantCulture,
                $"{entity}{cluster}: {state.Description}, at the end of {period} (after {state.Ticks} ticks) of {scenario.Name}, seed {world.Seed}, engine {engine.Name}"), exited);
        }
        return ExitCodes.Ok;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>For a firm that has left the market, when it left, in words; null for anything else.</summary>
    private static string? Exited(EntityRef entity, EntityState state, Model.World.WorldSpec world)
    {
        if (entity.Kind != EntityKind.Firm || state.Fields.FirstOrDefault(f => f.Name == "alive")?.Value != "false") return null;
        int age = int.Parse(state.Fields.First(f => f.Name == "age").Value, CultureInfo.InvariantCulture);
        return FirmExit.Tick(entity, age, world) is int tick
            ? $"this firm has exited: it left the market in {world.PeriodOf(tick)} (tick {tick}); the values are its state when it left"
            : "this firm has exited: it entered after the start and left before this quarter; the values are its state when it left";
    }

    /// <summary>The state as JSON: numbers as JSON numbers (exactly as computed), true/false as booleans, units apart.</summary>
    private static JsonObject Json(EntityRef entity, EntityState state, string scenario, Model.World.WorldSpec world, string period, string engine, string? exited)
    {
        var json = new JsonObject { ["entity"] = entity.ToString() };
        if (entity.Kind is EntityKind.Firm or EntityKind.TalentPool) json["clusterId"] = world.Clusters[entity.Cluster].Id;
        json["description"] = state.Description;
        json["scenario"] = scenario;
        json["seed"] = world.Seed;
        json["ticks"] = state.Ticks;
        json["period"] = period;
        json["engine"] = engine;
        if (exited is not null) json["exited"] = exited;
        json["fields"] = new JsonArray([.. state.Fields.Select(f => new JsonObject { ["name"] = f.Name, ["value"] = Value(f.Value), ["unit"] = f.Unit })]);
        return json;
    }

    /// <summary>A field's text as the JSON value it stands for; the model writes doubles in round-trip form, so they parse back exactly.</summary>
    private static JsonNode? Value(string text) =>
        text switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number) => JsonValue.Create(number),
            _ => JsonValue.Create(text),
        };

    private void WriteTable(EntityState state, string title, string? exited)
    {
        output.WriteLine(title);
        if (exited is not null) output.WriteLine($"  ({exited})");
        int name = state.Fields.Max(f => f.Name.Length), value = state.Fields.Max(f => f.Value.Length);
        foreach (var field in state.Fields) output.WriteLine($"  {field.Name.PadRight(name)}  {field.Value.PadLeft(value)}  {field.Unit}");
    }

    // Exception messages of ArgumentOutOfRangeException end with the parameter and value on their own lines.
    private static string FirstLine(string message) => message.Split('\n', 2)[0].Replace(" (Parameter 'entity')", "", StringComparison.Ordinal).Trim();
}
