using System.CommandLine;
using System.CommandLine.Parsing;

namespace EcoSim.Client.Cli;

/// <summary>The options of commands that run many seeds: how many, and how many runs at once.</summary>
internal static class EnsembleOptions
{
    /// <summary>Most seeds one command runs.</summary>
    public const int MaxSeeds = 10_000;

    /// <summary><c>--seeds</c> (<c>-n</c>): how many seeds, between 1 and <see cref="MaxSeeds"/>.</summary>
    public static Option<int> Seeds(int defaultValue, string description)
    {
        var seeds = new Option<int>("--seeds", "-n") { Description = description, DefaultValueFactory = _ => defaultValue };
        seeds.Validators.Add(r => WithinRange(r, "--seeds", 1, MaxSeeds));
        return seeds;
    }

    /// <summary><c>--parallel</c>: runs in progress at once, between 1 and 256.</summary>
    public static Option<int> Parallel()
    {
        var parallel = new Option<int>("--parallel") { Description = "Runs in progress at once", DefaultValueFactory = _ => Math.Max(2, Environment.ProcessorCount) };
        parallel.Validators.Add(r => WithinRange(r, "--parallel", 1, 256));
        return parallel;
    }

    /// <summary>Adds an error naming the range when a whole-number option is outside it; a value that is not a whole number is left to the parser's own error.</summary>
    public static void WithinRange(OptionResult result, string name, int min, int max)
    {
        if (result.Tokens.Count > 0 && !int.TryParse(result.Tokens[^1].Value, out _)) return;
        if (result.GetValueOrDefault<int>() is var value && (value < min || value > max))
            result.AddError($"{name} must be between {min} and {max}");
    }
}
