using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EcoSim.Model.Randomness;

namespace EcoSim.Integration.Tests.Hostile;

/// <summary>
/// A seeded corpus of hostile manifests for <c>ecosim reproduce</c>, each the manifest of a real one-quarter run
/// with one attack in it: cut short, a key missing, doubled or of the wrong kind, a scenario inside that must not
/// run (with its hash made to match), deep nesting, or no manifest at all. Each is built so that it must be refused.
/// </summary>
internal static class HostileManifests
{
    private const ulong Seed = 0x3A71F357;

    /// <summary>Keys without which a manifest cannot be reproduced.</summary>
    private static readonly string[] Required = ["format", "formatVersion", "scenarioText", "scenarioSha256", "seed", "engine", "tickCount", "files"];

    private static readonly Func<JsonNode?>[] BadValues =
    [
        () => "x", () => -5, () => 1e300, () => true, () => null, () => new JsonArray(), () => new JsonObject(), () => JsonValue.Create(ulong.MaxValue),
        () => "\u001b[31m", () => new string('z', 100_000),
    ];

    /// <summary>The corpus: <paramref name="count"/> cases from <paramref name="manifest"/>, the text of a valid manifest.</summary>
    public static IEnumerable<HostileCase> Generate(string manifest, int count)
    {
        for (int i = 0; i < count; i++)
        {
            var s = new RandomStream(Seed, (ulong)(i % 7), i, RandomPurpose.Screening);
            yield return (i % 7) switch
            {
                0 => Truncated(i, manifest, ref s),
                1 => WithoutKey(i, manifest, ref s),
                2 => WrongValue(i, manifest, ref s),
                3 => DuplicateKey(i, manifest, ref s),
                4 => UnrunnableScenario(i, manifest, ref s),
                5 => Nested(i, manifest, ref s),
                _ => NotAManifest(i, ref s),
            };
        }
    }

    private static int Below(ref RandomStream s, int n) => (int)(s.NextUInt64() % (ulong)n);

    private static HostileCase Reproduce(string name, string text) => Reproduce(name, Encoding.UTF8.GetBytes(text));

    private static HostileCase Reproduce(string name, byte[] bytes) => new(name, folder =>
    {
        Directory.CreateDirectory(Path.Combine(folder, "run"));
        File.WriteAllBytes(Path.Combine(folder, "run", "manifest.json"), bytes);
        return ["reproduce", Path.Combine("run", "manifest.json")];
    });

    private static HostileCase Truncated(int i, string manifest, ref RandomStream s)
    {
        int at = 1 + Below(ref s, manifest.TrimEnd().Length - 2);
        return Reproduce($"{i}: manifest cut at {at}", manifest[..at]);
    }

    private static HostileCase WithoutKey(int i, string manifest, ref RandomStream s)
    {
        var json = JsonNode.Parse(manifest)!.AsObject();
        string key = Required[Below(ref s, Required.Length)];
        json.Remove(key);
        return Reproduce($"{i}: manifest without '{key}'", json.ToJsonString());
    }

    private static HostileCase WrongValue(int i, string manifest, ref RandomStream s)
    {
        var json = JsonNode.Parse(manifest)!.AsObject();
        string key = Required[Below(ref s, Required.Length)];
        var value = BadValues[Below(ref s, BadValues.Length)]();
        if (key == "scenarioText" && value is JsonValue v && v.TryGetValue(out string? _)) value = -5; // another text would be a scenario, not a wrong kind
        json[key] = value;
        string shown = value?.ToJsonString() ?? "null";
        return Reproduce($"{i}: manifest with '{key}': {(shown.Length > 30 ? shown[..30] + "..." : shown)}", json.ToJsonString());
    }

    private static HostileCase DuplicateKey(int i, string manifest, ref RandomStream s)
    {
        string key = Required[Below(ref s, Required.Length)];
        return Reproduce($"{i}: manifest with '{key}' twice", "{\"" + key + "\": 1," + manifest.TrimStart()[1..]);
    }

    /// <summary>The scenario inside changed to one that must be refused before tick 0, with its hash recomputed so that only validation stops it.</summary>
    private static HostileCase UnrunnableScenario(int i, string manifest, ref RandomStream s)
    {
        var json = JsonNode.Parse(manifest)!.AsObject();
        string text = json["scenarioText"]!.GetValue<string>();
        string[] attacks = ["firms: 2000|firms: 900000000000", "seed: 7|seed: -7", "start: 2024Q1|start: 2024Q9", "publicBudget: 5|publicBudget: .nan", "firms: 2000|firms: 2000\n  zombies: 3"];
        string[] attack = attacks[Below(ref s, attacks.Length)].Split('|');
        string hostile = text.Replace(attack[0], attack[1], StringComparison.Ordinal);
        if (hostile == text) throw new InvalidOperationException($"the run's scenario no longer has '{attack[0]}', which the hostile corpus edits");
        json["scenarioText"] = hostile;
        json["scenarioSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hostile)));
        return Reproduce($"{i}: manifest whose scenario has {attack[1].Replace('\n', ' ')}", json.ToJsonString());
    }

    private static HostileCase Nested(int i, string manifest, ref RandomStream s)
    {
        int depth = (int)Math.Pow(10, 2 + Below(ref s, 4));
        string key = Required[Below(ref s, Required.Length)];
        var json = JsonNode.Parse(manifest)!.AsObject();
        json.Remove(key);
        string text = json.ToJsonString();
        return Reproduce($"{i}: manifest with '{key}' nested {depth} deep", $"{{\"{key}\": {new string('[', depth)}{new string(']', depth)}," + text[1..]);
    }

    private static HostileCase NotAManifest(int i, ref RandomStream s)
    {
        string[] texts = ["", "null", "[]", "42", "\"manifest\"", "\uFEFF{", "{}", "{\"format\": \"ecosim-run\"}", "<xml/>", "{\"format\": \"ecosim-run\", \"formatVersion\": 99}"];
        if (s.Bernoulli(0.3))
        {
            var bytes = new byte[1 + Below(ref s, 2048)];
            for (int b = 0; b < bytes.Length; b++) bytes[b] = (byte)s.NextUInt64();
            return Reproduce($"{i}: {bytes.Length} random bytes as a manifest", bytes);
        }
        string text = texts[Below(ref s, texts.Length)];
        return Reproduce($"{i}: '{text}' as a manifest", text);
    }
}
