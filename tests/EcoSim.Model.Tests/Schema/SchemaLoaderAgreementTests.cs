using System.Globalization;
using System.Text.Json.Nodes;
using EcoSim.Model.Parameters;
using EcoSim.Model.Tests.Support;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.Schema;

/// <summary>
/// Keeps the schema in step with the loader (client/EcoSim.Scenarios) by probing both with small
/// generated scenarios: every key the schema allows in every object is accepted by the loader, a key
/// it does not allow is rejected as unknown (and the loader's list of allowed keys is the schema's),
/// required keys, value ranges, enumerations, value types and the one-kind-per-event rule agree.
/// Scenarios are written as JSON, which is YAML, so that both read exactly the same values.
/// </summary>
public sealed class SchemaLoaderAgreementTests : IDisposable
{
    private const string UnknownKey = "zzUnknownKeyQq";
    private readonly TempFolder _folder = new();
    private readonly List<string> _failures = [];

    public void Dispose() => _folder.Dispose();

    /// <summary>An object of the schema: where it sits in a scenario (JSON pointer, arrays at index 0) and its schema.</summary>
    private sealed record Location(string Path, JsonObject Schema)
    {
        public JsonObject Properties => (JsonObject)Schema["properties"]!;
        public override string ToString() => Path.Length == 0 ? "(top level)" : Path;
    }

    /// <summary>Every object the schema describes, found by walking "properties", "items" and "$ref" from the root.</summary>
    private static readonly Lazy<IReadOnlyList<Location>> AllLocations = new(() =>
    {
        var found = new List<Location>();
        var seen = new HashSet<JsonObject>(ReferenceEqualityComparer.Instance);
        void Walk(JsonNode node, string path)
        {
            var schema = ScenarioSchema.Resolve(node);
            if (schema["properties"] is JsonObject properties && seen.Add(schema))
            {
                found.Add(new Location(path, schema));
                foreach (var (key, value) in properties) Walk(value!, $"{path}/{key}");
            }
            if (schema["items"] is JsonObject items) Walk(items, $"{path}/0");
        }
        Walk(ScenarioSchema.Document, "");
        return found;
    });

    private static IReadOnlyList<Location> Locations => AllLocations.Value;

    private static Location LocationAt(string path) => Locations.Single(l => l.Path == path);

    // ---- the probes ----

    [Fact]
    public void Every_object_of_the_schema_is_probed()
    {
        var probed = Locations.Select(l => l.Schema).ToHashSet(ReferenceEqualityComparer.Instance);
        var defs = (JsonObject)ScenarioSchema.Document["$defs"]!;
        foreach (var (name, schema) in defs)
            if (schema!["properties"] is not null) Assert.True(probed.Contains(schema), $"$defs.{name} is not reachable from the top level");
        Assert.Equal(["", "/population", "/population/labs/0", "/population/funds/0", "/clusters/0", "/relatedness", "/parameters",
                      "/certification", "/events/0", "/events/0/set", "/events/0/ramp", "/events/0/facility", "/events/0/demandShock", "/events/0/rdSubsidy",
                      "/events/0/talentProgramme", "/events/0/guidanceFundInjection"], Locations.Select(l => l.Path));
    }

    [Fact]
    public void The_smallest_scenario_is_valid_for_both()
    {
        Agree(Minimal(), valid: true, "minimal scenario");
        AssertNoFailures();
    }

    [Fact]
    public void Every_key_the_schema_allows_is_accepted_by_the_loader()
    {
        _folder.Write("guangdong-baseline.yaml", Minimal().ToJsonString()); // the parent the 'extends' example names
        foreach (var location in Locations)
            foreach (var (key, property) in location.Properties)
            {
                var scenario = Minimal();
                var target = At(scenario, location.Path);
                Choose(target, location, key);
                target[key] ??= Example(property!); // required keys are there already
                Agree(scenario, valid: true, $"{location}: key '{key}' = {target[key]?.ToJsonString()}");
            }
        var child = new JsonObject { ["extends"] = "guangdong-baseline.yaml" };
        Agree(child, valid: true, "a file with only 'extends' inherits everything");
        AssertNoFailures();
    }

    [Fact]
    public void A_key_the_schema_does_not_allow_is_rejected_by_the_loader_as_unknown()
    {
        foreach (var location in Locations)
        {
            var scenario = Minimal();
            At(scenario, location.Path)[UnknownKey] = 1;
            string key = LoaderKey($"{location.Path}/{UnknownKey}");
            var errors = Agree(scenario, valid: false, $"{location}: unknown key");
            var error = errors.FirstOrDefault(e => e.Key == key);
            if (error is null) { _failures.Add($"{location}: the loader did not report '{key}'"); continue; }

            // The loader lists its allowed keys when none is close to the unknown one; they must be the schema's.
            var schemaKeys = location.Properties.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
            string[] loaderKeys;
            if (error.Message.StartsWith("unknown key; allowed keys: ", StringComparison.Ordinal))
                loaderKeys = [.. error.Message["unknown key; allowed keys: ".Length..].Split(", ").Order(StringComparer.Ordinal)];
            else if (error.Message.StartsWith("unknown parameter", StringComparison.Ordinal))
                loaderKeys = [.. ParameterCatalog.All.Where(p => location.Path == "/parameters" || !p.FixedAtStart).Select(p => p.Name).Order(StringComparer.Ordinal)];
            else { _failures.Add($"{location}: unexpected message for an unknown key: {error}"); continue; }
            if (!schemaKeys.SequenceEqual(loaderKeys))
                _failures.Add($"{location}: the schema allows [{string.Join(", ", schemaKeys)}] but the loader allows [{string.Join(", ", loaderKeys)}]");
        }
        AssertNoFailures();
    }

    [Fact]
    public void A_key_the_schema_requires_is_required_by_the_loader()
    {
        foreach (var location in Locations)
            foreach (var key in Required(location))
            {
                var scenario = Minimal();
                At(scenario, location.Path).Remove(key);
                string path = LoaderKey($"{location.Path}/{key}");
                var errors = Agree(scenario, valid: false, $"{location}: without '{key}'");
                if (errors.Count > 0 && !errors.Any(e => e.Key == path || e.Key.StartsWith(path + ".", StringComparison.Ordinal)))
                    _failures.Add($"{location}: without '{key}' the loader complains elsewhere: {string.Join("; ", errors)}");
            }
        AssertNoFailures();
    }

    [Fact]
    public void An_event_needs_exactly_one_kind_for_both()
    {
        var both = Minimal();
        var e = At(both, "/events/0");
        e["ramp"] = Example(LocationAt("/events/0").Properties["ramp"]!);
        Agree(both, valid: false, "an event with 'set' and 'ramp'");
        var none = Minimal();
        At(none, "/events/0").Remove("set");
        var errors = Agree(none, valid: false, "an event with neither 'set', 'ramp' nor 'facility'");
        Assert.Contains(errors, x => x.Message.Contains("exactly one of 'set', 'ramp', 'facility', 'demandShock', 'rdSubsidy', 'talentProgramme', 'guidanceFundInjection'", StringComparison.Ordinal));
        AssertNoFailures();
    }

    [Fact]
    public void Every_value_range_of_the_schema_is_the_loaders()
    {
        int probed = 0;
        foreach (var location in Locations)
            foreach (var (key, property) in location.Properties)
            {
                var schema = ScenarioSchema.Resolve(property!);
                if (schema["minimum"] is not JsonValue min || schema["maximum"] is not JsonValue max) continue;
                bool integer = schema["type"]?.GetValue<string>() == "integer";
                foreach (var (value, valid, what) in Bounds(min, max, integer))
                {
                    var scenario = Minimal();
                    var target = At(scenario, location.Path);
                    Choose(target, location, key);
                    target[key] = value;
                    var errors = Agree(scenario, valid, $"{location}: {key} = {value.ToJsonString()} ({what})");
                    if (!valid && errors.Count > 0 && !errors.Any(x => x.Key == LoaderKey($"{location.Path}/{key}")))
                        _failures.Add($"{location}: {key} = {value.ToJsonString()}: the loader complains elsewhere: {string.Join("; ", errors)}");
                    probed++;
                }
            }
        Assert.True(probed > 4 * ParameterCatalog.All.Count, $"only {probed} range probes");
        AssertNoFailures();
    }

    [Fact]
    public void Every_enumerated_value_agrees()
    {
        foreach (var location in Locations)
            foreach (var (key, property) in location.Properties)
            {
                if (ScenarioSchema.Resolve(property!)["enum"] is not JsonArray values || location.Path == "/events/0/ramp") continue;
                foreach (var value in values.Append(JsonValue.Create("not-one-of-them")))
                {
                    var scenario = Minimal();
                    At(scenario, location.Path)[key] = value!.DeepClone();
                    Agree(scenario, valid: values.Any(v => JsonNode.DeepEquals(v, value)), $"{location}: {key} = {value.ToJsonString()}");
                }
            }
        AssertNoFailures();
    }

    [Fact]
    public void Ramps_and_sets_agree_on_every_parameter()
    {
        foreach (var spec in ParameterCatalog.All)
        {
            double step = Math.Max(Math.Abs(spec.Max - spec.Min) * 1e-6, 1e-9);
            foreach (var (to, inRange) in new[] { (spec.Default, true), (spec.Min, true), (spec.Max, true), (spec.Min - step, false), (spec.Max + step, false) })
            {
                var ramp = Minimal();
                var e = At(ramp, "/events/0");
                e.Remove("set");
                e["ramp"] = new JsonObject { ["parameter"] = spec.Name, ["to"] = to, ["until"] = "2026Q1" };
                var errors = Agree(ramp, valid: inRange && !spec.FixedAtStart, $"ramp of {spec.Name} to {to.ToString("R", CultureInfo.InvariantCulture)}");
                if (spec.FixedAtStart && !errors.Any(x => x.Message.Contains("fixed at the start of a run", StringComparison.Ordinal)))
                    _failures.Add($"ramp of fixed-at-start {spec.Name}: the loader does not say it is fixed at the start: {string.Join("; ", errors)}");
            }
            var set = Minimal();
            At(set, "/events/0/set")[spec.Name] = spec.Default;
            var setErrors = Agree(set, valid: !spec.FixedAtStart, $"set of {spec.Name}");
            if (spec.FixedAtStart && !setErrors.Any(x => x.Key == $"events[0].set.{spec.Name}" && x.Message.Contains("set it under 'parameters:' instead", StringComparison.Ordinal)))
                _failures.Add($"set of fixed-at-start {spec.Name}: unexpected loader errors: {string.Join("; ", setErrors)}");
        }
        AssertNoFailures();
    }

    [Fact]
    public void Values_of_the_wrong_type_are_rejected_by_both()
    {
        foreach (var location in Locations)
            foreach (var (key, property) in location.Properties)
            {
                var schema = ScenarioSchema.Resolve(property!);
                JsonNode? wrong = schema["type"]?.GetValue<string>() switch
                {
                    "number" => "abc",
                    "integer" => 2.5,
                    "boolean" => "maybe",
                    "string" => new JsonArray("x"),
                    "array" or "object" => "abc",
                    _ when schema["anyOf"] is not null => "2024Q5", // a period
                    _ => null,
                };
                if (wrong is null || schema["enum"] is not null) continue;
                var scenario = Minimal();
                var target = At(scenario, location.Path);
                Choose(target, location, key);
                target[key] = wrong;
                var errors = Agree(scenario, valid: false, $"{location}: {key} = {wrong.ToJsonString()}");
                if (errors.Count > 0 && !errors.Any(x => x.Key == LoaderKey($"{location.Path}/{key}")))
                    _failures.Add($"{location}: {key} = {wrong.ToJsonString()}: the loader complains elsewhere: {string.Join("; ", errors)}");
            }
        AssertNoFailures();
    }

    [Fact]
    public void Periods_and_relatedness_pairs_agree()
    {
        foreach (var (period, valid) in new (JsonNode, bool)[] { ("2025Q3", true), ("2025q3", true), (2025, true), ("2025", true), ("2025Q0", false), ("25Q1", false), ("2025-Q1", false), ("Q1 2025", false) })
        {
            var scenario = Minimal();
            At(scenario, "/events/0")["at"] = period;
            Agree(scenario, valid, $"event at {period.ToJsonString()}");
        }
        foreach (var (pair, valid) in new (JsonArray, bool)[]
                 {
                     (["electronics", "semiconductors", 1], true), (["electronics", "semiconductors", 0], true),
                     (["electronics", "semiconductors", 1.01], false), (["electronics", "semiconductors", -0.1], false),
                     (["electronics", "semiconductors"], false), (["electronics", "semiconductors", 0.5, 0.5], false),
                     (["electronics", "semiconductors", "high"], false),
                 })
        {
            var scenario = Minimal();
            At(scenario, "/relatedness")["pairs"] = new JsonArray(pair);
            Agree(scenario, valid, $"relatedness pair {pair.ToJsonString()}");
        }
        AssertNoFailures();
    }

    // ---- building scenarios ----

    /// <summary>The smallest scenario both accept: the required keys only, and three clusters the schema's examples name.</summary>
    private static JsonObject Minimal() => new()
    {
        ["name"] = "probe",
        ["start"] = "2024Q1",
        ["end"] = "2026Q4",
        ["seed"] = 7,
        ["population"] = new JsonObject
        {
            ["firms"] = 300,
            ["labs"] = new JsonArray(new JsonObject { ["kind"] = "university", ["count"] = 4, ["basicWeight"] = 1.0, ["appliedWeight"] = 0.4 }),
            ["funds"] = new JsonArray(new JsonObject { ["kind"] = "venture", ["count"] = 2, ["capital"] = 10 }),
        },
        ["clusters"] = new JsonArray(
            new JsonObject { ["id"] = "electronics", ["kind"] = "pillar", ["revenue"] = 1000, ["rdIntensity"] = 0.03 },
            new JsonObject { ["id"] = "semiconductors", ["kind"] = "emerging", ["revenue"] = 300, ["rdIntensity"] = 0.06 },
            new JsonObject { ["id"] = "precision-instruments", ["kind"] = "emerging", ["revenue"] = 200, ["rdIntensity"] = 0.045 }),
    };

    /// <summary>The object at <paramref name="path"/> in <paramref name="scenario"/>, created from the schema's examples where missing.</summary>
    private static JsonObject At(JsonObject scenario, string path)
    {
        JsonNode current = scenario;
        string sofar = "";
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            string next = $"{sofar}/{segment}";
            if (current is JsonArray array)
            {
                int index = int.Parse(segment, CultureInfo.InvariantCulture);
                while (array.Count <= index) array.Add(Example(LocationAt(next).Schema));
                current = array[index]!;
            }
            else
            {
                var obj = (JsonObject)current;
                Choose(obj, LocationAt(sofar), segment);
                if (obj[segment] is null) obj[segment] = Locations.Any(l => l.Path == next) ? Example(LocationAt(next).Schema) : new JsonArray();
                current = obj[segment]!;
            }
            sofar = next;
        }
        return (JsonObject)current;
    }

    /// <summary>When <paramref name="key"/> is one of an object's mutually exclusive kinds (an event's set, ramp, facility), removes the others.</summary>
    private static void Choose(JsonObject target, Location location, string key)
    {
        var kinds = Kinds(location.Schema);
        if (!kinds.Contains(key)) return;
        foreach (var other in kinds.Where(k => k != key)) target.Remove(other);
    }

    /// <summary>The keys of a "oneOf" of single required keys: exactly one of them must be present.</summary>
    private static string[] Kinds(JsonObject schema) =>
        schema["oneOf"] is JsonArray alternatives
            ? [.. alternatives.Select(a => a!["required"]!.AsArray().Single()!.GetValue<string>())]
            : [];

    /// <summary>Keys an object must have: its "required", plus those the top level's "then" adds for a file without 'extends'.</summary>
    private static IEnumerable<string> Required(Location location)
    {
        var required = location.Schema["required"]?.AsArray().Select(k => k!.GetValue<string>()) ?? [];
        var then = (JsonObject)ScenarioSchema.Document["then"]!;
        if (location.Path.Length == 0) return required.Concat(then["required"]!.AsArray().Select(k => k!.GetValue<string>()));
        if (then["properties"]?[location.Path.TrimStart('/')]?["required"] is JsonArray more) return required.Concat(more.Select(k => k!.GetValue<string>()));
        return required;
    }

    /// <summary>A value the schema offers for a property: its first example, its default, or one built from its parts.</summary>
    private static JsonNode Example(JsonNode property)
    {
        if (ScenarioSchema.Annotation(property, "examples") is JsonArray { Count: > 0 } examples) return examples[0]!.DeepClone();
        if (ScenarioSchema.Annotation(property, "default") is { } fallback) return fallback.DeepClone();
        var schema = ScenarioSchema.Resolve(property);
        if (schema["enum"] is JsonArray values) return values[0]!.DeepClone();
        if (schema["items"] is JsonObject items) return new JsonArray(Example(items));
        if (schema["properties"] is JsonObject properties)
        {
            var built = new JsonObject();
            foreach (var key in (schema["required"]?.AsArray().Select(k => k!.GetValue<string>()) ?? []).Concat(Kinds(schema).Take(1)))
                built[key] = Example(properties[key]!);
            return built;
        }
        throw new InvalidOperationException($"the schema gives no example for {property.ToJsonString()}");
    }

    private static IEnumerable<(JsonNode Value, bool Valid, string What)> Bounds(JsonValue min, JsonValue max, bool integer)
    {
        if (integer)
        {
            decimal lo = min.GetValue<decimal>(), hi = max.GetValue<decimal>();
            return [(JsonValue.Create(lo), true, "minimum"), (JsonValue.Create(hi), true, "maximum"), (JsonValue.Create(lo - 1), false, "below"), (JsonValue.Create(hi + 1), false, "above")];
        }
        double a = min.GetValue<double>(), b = max.GetValue<double>();
        double step = Math.Max((b - a) * 1e-6, 1e-9);
        return [(JsonValue.Create(a), true, "minimum"), (JsonValue.Create(b), true, "maximum"), (JsonValue.Create(a - step), false, "below"), (JsonValue.Create(b + step), false, "above")];
    }

    /// <summary>The loader's name for a JSON pointer: /population/labs/0/kind is population.labs[0].kind.</summary>
    private static string LoaderKey(string pointer)
    {
        var text = new System.Text.StringBuilder();
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
            if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out int index)) text.Append('[').Append(index).Append(']');
            else text.Append(text.Length == 0 ? "" : ".").Append(segment);
        return text.ToString();
    }

    // ---- checking ----

    /// <summary>
    /// Checks that the schema and the loader both accept (or both reject) <paramref name="scenario"/>,
    /// recording a failure otherwise; returns the loader's errors.
    /// </summary>
    private IReadOnlyList<ScenarioError> Agree(JsonObject scenario, bool valid, string what)
    {
        var schemaErrors = ScenarioSchema.Errors(scenario);
        string path = _folder.Write("probe.yaml", scenario.ToJsonString());
        // The schema states each field's range; the ceilings on a whole run's memory and work are a
        // separate check (BoundedWorkTests), lifted here so that a field's maximum can be probed alone.
        var loaderErrors = ScenarioLoader.Validate(path, new ScenarioLimits(double.PositiveInfinity, double.PositiveInfinity));
        if (valid && schemaErrors.Count > 0) _failures.Add($"{what}: the schema rejects it: {string.Join("; ", schemaErrors.Take(3))}");
        if (valid && loaderErrors.Count > 0) _failures.Add($"{what}: the loader rejects it: {string.Join("; ", loaderErrors)}");
        if (!valid && schemaErrors.Count == 0) _failures.Add($"{what}: the schema accepts it");
        if (!valid && loaderErrors.Count == 0) _failures.Add($"{what}: the loader accepts it");
        return loaderErrors;
    }

    private void AssertNoFailures() =>
        Assert.True(_failures.Count == 0, $"{_failures.Count} disagreements between scenarios/schema/scenario.schema.json and the loader:{Environment.NewLine}{string.Join(Environment.NewLine, _failures)}");
}
