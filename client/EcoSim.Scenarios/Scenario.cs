using System.Security.Cryptography;
using System.Text;
using EcoSim.Model.World;

namespace EcoSim.Scenarios;

/// <summary>One file a scenario was read from (the scenario itself, then what it extends).</summary>
/// <param name="Path">Path as resolved.</param>
/// <param name="Text">Full text.</param>
public sealed record ScenarioSource(string Path, string Text);

/// <summary>A scenario checked whole and ready to run.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Description">The question it answers.</param>
/// <param name="Path">Path of the scenario file as given.</param>
/// <param name="Sources">The files read, the scenario first.</param>
/// <param name="World">The world it describes, with the file's seed.</param>
public sealed record Scenario(string Name, string Description, string Path, IReadOnlyList<ScenarioSource> Sources, WorldSpec World)
{
    /// <summary>The text of every file read, the scenario first, each under a header naming it.</summary>
    public string CombinedText => string.Concat(Sources.Select((s, i) => i == 0 ? s.Text : $"\n# ---- extends: {System.IO.Path.GetFileName(s.Path)} ----\n{s.Text}"));

    /// <summary>SHA-256 (hex) of <see cref="CombinedText"/> as UTF-8.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CombinedText)));

    /// <summary>The same scenario with another seed.</summary>
    public Scenario WithSeed(ulong seed) => this with { World = World with { Seed = seed } };
}
