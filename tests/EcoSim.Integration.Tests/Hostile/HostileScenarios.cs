using System.Text;
using EcoSim.Model.Randomness;

namespace EcoSim.Integration.Tests.Hostile;

/// <summary>
/// A seeded corpus of hostile scenarios, each a small valid world (the tests' small-baseline.yaml) with one
/// attack in it: values out of range or of the wrong kind, populations and lists too large to run, nesting
/// and alias bombs, names and 'extends' that try to leave their folder, garbage bytes. The same seed gives
/// the same cases; each is built so that it must be refused.
/// </summary>
internal static class HostileScenarios
{
    private const ulong Seed = 0x5CE1A210;

    private static string Base => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-baseline.yaml"));

    /// <summary>Lines of the base world whose value an attack replaces (the text before the value, and the value).</summary>
    private static readonly (string Key, string Value)[] Targets =
    [
        ("firms: ", "2000"), ("kind: university, count: ", "8"), ("kind: venture, count: ", "2"), ("capital: ", "10"),
        ("revenue: ", "400"), ("rdIntensity: ", "0.03"), ("publicBudget: ", "5"), ("default: ", "0.1"), ("seed: ", "7"),
        ("basicWeight: ", "1.0"), ("[electronics, semiconductors, ", "0.8"),
    ];

    private static readonly string[] BadNumbers =
    [
        "-1", "-1e308", "1e400", ".nan", ".inf", "-.inf", "abc", "[1, 2]", "{ a: 1 }", "\"2000\"", "99999999999999999999999",
        "1e15", "2000 2000", "!!binary AAAA", "0x7FFFFFFFFFFFFFFF", "--5", "1.2.3", "'7'", "-0.5e10", "1e-400x",
    ];

    private static readonly string[] BadQuarters = ["2024Q5", "2024Q0", "Q1", "20240Q1", "9999999Q1", "2024q", "[2024Q1]", "-2024Q1", "2024Q1Q2"];

    private static readonly string[] BadNames =
    [
        "\"../../../elsewhere/x\"", "/srv/elsewhere/x", "\"a\\u0007b\"", "\"\\e[31mred\\e[0m\"", "\"..\"", "\"a/b\"", "\"\"", "\" \"",
        "\"x\\u0000y\"", "\"\\r\\nforged: line\"", "\"\\u202Egnp.exe\"",
    ];

    /// <summary>The corpus: <paramref name="count"/> cases drawn from every kind of attack in turn.</summary>
    public static IEnumerable<HostileCase> Generate(int count)
    {
        Func<int, RandomStream, HostileCase>[] kinds =
        [
            BadValue, BadValue, BadQuarter, HugePopulation, ManyGroups, ManyClusters, ManyEvents, Nesting, AliasBomb, BadName,
            EscapingExtends, BadStructure, Garbage, LongLine,
        ];
        for (int i = 0; i < count; i++)
            yield return kinds[i % kinds.Length](i, new RandomStream(Seed, (ulong)(i % kinds.Length), i, RandomPurpose.Screening));
    }

    private static int Below(ref RandomStream s, int n) => (int)(s.NextUInt64() % (ulong)n);
    private static T Pick<T>(ref RandomStream s, IReadOnlyList<T> items) => items[Below(ref s, items.Count)];

    /// <summary>A case that validates one scenario file written with <paramref name="text"/>.</summary>
    private static HostileCase Validate(string name, string text) => new(name, folder =>
    {
        File.WriteAllText(Path.Combine(folder, "hostile.yaml"), text);
        return ["validate", "hostile.yaml"];
    });

    private static string Replace(string text, string key, string value, string by)
    {
        int at = text.IndexOf(key + value, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"small-baseline.yaml no longer has '{key}{value}', which the hostile corpus edits");
        return text[..at] + key + by + text[(at + key.Length + value.Length)..];
    }

    private static HostileCase BadValue(int i, RandomStream s)
    {
        var (key, value) = Pick(ref s, Targets);
        string bad = Pick(ref s, BadNumbers);
        return Validate($"{i}: {key.Trim()} {bad}", Replace(Base, key, value, bad));
    }

    private static HostileCase BadQuarter(int i, RandomStream s)
    {
        string key = s.Bernoulli(0.5) ? "start: " : "end: ";
        string bad = Pick(ref s, BadQuarters);
        return Validate($"{i}: {key.Trim()} {bad}", Replace(Base, key, key == "start: " ? "2024Q1" : "2025Q4", bad));
    }

    private static HostileCase HugePopulation(int i, RandomStream s)
    {
        string count = $"{1 + Below(ref s, 9)}e{9 + Below(ref s, 7)}";
        var (key, value) = Pick(ref s, Targets[..3]);
        return Validate($"{i}: {key.Trim()} {count}", Replace(Base, key, value, ((long)double.Parse(count, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The attack of the issue: thousands of lab or fund groups, each of a million.</summary>
    private static HostileCase ManyGroups(int i, RandomStream s)
    {
        int groups = 2_000 + Below(ref s, 4_000);
        bool labs = s.Bernoulli(0.5);
        string line = labs ? "    - { kind: university, count: 1000000, basicWeight: 1.0, appliedWeight: 0.4 }\n" : "    - { kind: venture, count: 100000, capital: 10 }\n";
        string anchor = labs ? "  labs:\n" : "  funds:\n";
        string text = Base.Replace(anchor, anchor + string.Concat(Enumerable.Repeat(line, groups)), StringComparison.Ordinal);
        return Validate($"{i}: {groups} {(labs ? "lab" : "fund")} groups", text);
    }

    private static HostileCase ManyClusters(int i, RandomStream s)
    {
        int clusters = 2_000 + Below(ref s, 4_000);
        var text = new StringBuilder(Base.Replace("clusters:\n", "clusters:\n" + string.Concat(Enumerable.Range(0, clusters).Select(c => $"  - {{ id: c{c}, kind: pillar, revenue: 10, rdIntensity: 0.02 }}\n")), StringComparison.Ordinal));
        return Validate($"{i}: {clusters} clusters", text.ToString());
    }

    private static HostileCase ManyEvents(int i, RandomStream s)
    {
        int events = 20_000 + Below(ref s, 40_000);
        return Validate($"{i}: {events} events", Base + "events:\n" + string.Concat(Enumerable.Repeat("  - { at: 2024Q2, set: { basicShare: 0.3 } }\n", events)));
    }

    private static HostileCase Nesting(int i, RandomStream s)
    {
        int depth = (int)Math.Pow(10, 2 + Below(ref s, 4)) * (1 + Below(ref s, 5));
        bool flow = s.Bernoulli(0.5);
        string value = flow ? new string('[', depth) + new string(']', depth) : string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth);
        return Validate($"{i}: parameters nested {depth} deep", Base.Replace("parameters:\n", $"parameters:\n  deep: {value}\n", StringComparison.Ordinal));
    }

    private static HostileCase AliasBomb(int i, RandomStream s)
    {
        int levels = 5 + Below(ref s, 10);
        var bomb = new StringBuilder("bomb0: &b0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (int l = 1; l < levels; l++) bomb.Append($"bomb{l}: &b{l} [{string.Join(", ", Enumerable.Repeat($"*b{l - 1}", 9))}]\n");
        return Validate($"{i}: alias bomb of {levels} levels", Base + bomb);
    }

    private static HostileCase BadName(int i, RandomStream s)
    {
        string name = s.Bernoulli(0.15) ? new string('n', 10_000 + Below(ref s, 100_000)) : Pick(ref s, BadNames);
        return Validate($"{i}: name {(name.Length > 40 ? $"of {name.Length} characters" : name)}", Replace(Base, "name: ", "small-baseline", name));
    }

    /// <summary>'extends' pointing out of the scenario's folder, at itself, in a cycle, at nothing, or through a link outside.</summary>
    private static HostileCase EscapingExtends(int i, RandomStream s)
    {
        string text = Base;
        switch (Below(ref s, 7))
        {
            case 0: return Validate($"{i}: extends /etc/passwd", "extends: /etc/passwd\n" + text);
            case 1: return Validate($"{i}: extends ../../../../../../etc/hostname", "extends: ../../../../../../etc/hostname\n" + text);
            case 2: return Validate($"{i}: extends itself", "extends: hostile.yaml\n" + text);
            case 3: return Validate($"{i}: extends a missing file", "extends: nowhere/missing.yaml\n" + text);
            case 4:
                return new($"{i}: extends a cycle of two", folder =>
                {
                    File.WriteAllText(Path.Combine(folder, "other.yaml"), "extends: hostile.yaml\n" + text);
                    File.WriteAllText(Path.Combine(folder, "hostile.yaml"), "extends: other.yaml\n" + text);
                    return ["validate", "hostile.yaml"];
                });
            case 5:
                return new($"{i}: extends a link to a file outside", folder =>
                {
                    File.CreateSymbolicLink(Path.Combine(folder, "inside.yaml"), "/etc/hostname");
                    File.WriteAllText(Path.Combine(folder, "hostile.yaml"), "extends: inside.yaml\n" + text);
                    return ["validate", "hostile.yaml"];
                });
            default:
                return new($"{i}: extends through a linked folder outside", folder =>
                {
                    Directory.CreateSymbolicLink(Path.Combine(folder, "linked"), "/etc");
                    File.WriteAllText(Path.Combine(folder, "hostile.yaml"), "extends: linked/hostname\n" + text);
                    return ["validate", "hostile.yaml"];
                });
        }
    }

    private static HostileCase BadStructure(int i, RandomStream s)
    {
        (string What, string Text)[] attacks =
        [
            ("an unknown top-level key", Base + $"zq{s.NextUInt64() % 1000}: 1\n"),
            ("a byte-order mark and an unknown key", "\uFEFF" + Base + "colour: blue\n"),
            ("a duplicate key", Base.Replace("seed: 7\n", "seed: 7\nseed: 8\n", StringComparison.Ordinal)),
            ("clusters as a number", Replace(Base, "clusters:", "", " 5\nignored:")),
            ("population as text", Base.Replace("population:\n", "population: lots\nunused:\n", StringComparison.Ordinal)),
            ("an event after the horizon", Base + "events:\n  - { at: 2099Q1, set: { basicShare: 0.3 } }\n"),
            ("an event with a share out of range", Base + "events:\n  - { at: 2024Q3, set: { basicShare: 7 } }\n"),
            ("a shock to an unknown cluster", Base + "events:\n  - { at: 2024Q3, demandShock: { cluster: nowhere, change: -0.1, until: 2024Q4 } }\n"),
            ("start after end", Replace(Base, "start: ", "2024Q1", "2030Q1")),
            ("a document stream", Base + "---\nname: second\n"),
            ("a tab for indentation", Base.Replace("  firms: 2000", "\tfirms: 2000", StringComparison.Ordinal)),
            ("a relatedness pair to an unknown cluster", Replace(Base, "[electronics, semiconductors, ", "0.8", "0.8]\n    - [electronics, nowhere, 0.5")),
        ];
        var (what, text) = Pick(ref s, attacks);
        return Validate($"{i}: {what}", text);
    }

    private static HostileCase Garbage(int i, RandomStream s)
    {
        int length = 1 + Below(ref s, 4096);
        var bytes = new byte[length];
        for (int b = 0; b < length; b++) bytes[b] = (byte)s.NextUInt64();
        if (s.Bernoulli(0.3)) bytes[0] = 0; // a NUL first: plainly not text
        return new($"{i}: {length} random bytes", folder =>
        {
            File.WriteAllBytes(Path.Combine(folder, "hostile.yaml"), bytes);
            return ["validate", "hostile.yaml"];
        });
    }

    private static HostileCase LongLine(int i, RandomStream s)
    {
        int length = 100_000 + Below(ref s, 900_000);
        return Validate($"{i}: a description of {length} characters and an unknown key", Replace(Base, "description: ", "A small world for integration tests.", new string('d', length)) + "unknownKey: 1\n");
    }
}
