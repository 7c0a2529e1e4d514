using System.CommandLine;
using EcoSim.Experiments;

namespace EcoSim.Client.Cli;

/// <summary>The options of commands that run many seeds: how many, and how many runs at once.</summary>
internal static class EnsembleOptions
{
    /// <summary><c>--seeds</c> (<c>-n</c>): how many seeds, between 1 and <see cref="Experiment.MaxSeeds"/>.</summary>
    public static Option<int> Seeds(int defaultValue, string description) =>
        new Option<int>("--seeds", "-n") { Description = description, DefaultValueFactory = _ => defaultValue }.Within(1, Experiment.MaxSeeds);

    /// <summary><c>--parallel</c>: runs in progress at once, between 1 and 256.</summary>
    public static Option<int> Parallel() =>
        new Option<int>("--parallel") { Description = "Runs in progress at once", DefaultValueFactory = _ => Math.Max(2, Environment.ProcessorCount) }.Within(1, 256);
}
