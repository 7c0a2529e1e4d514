using EcoSim.Experiments.Engines;

namespace EcoSim.Experiments.Output;

/// <summary>The one place a manifest is made: what every kind records of the engine, the program and the command, around a kind's payload.</summary>
public static class ManifestStamp
{
    /// <summary>
    /// The manifest of <paramref name="payload"/> (a kind's own keys) with the engine that ran it, the ticks of each run,
    /// this program, its command line (or <paramref name="commandLine"/>, the command that writes the same output), the start
    /// time and the end time now, and whether plots were drawn.
    /// </summary>
    public static OutputManifest Of(ManifestPayload payload, ISimulationEngine engine, int ticks, DateTime started, bool plots, IReadOnlyList<string>? commandLine = null) =>
        new()
        {
            Payload = payload,
            Engine = engine.Name,
            SiloCount = engine.SiloCount,
            FirmsPerShard = engine.FirmsPerShard,
            TickCount = ticks,
            CodeVersion = RunEnvironment.CodeVersion,
            UncommittedChanges = RunEnvironment.UncommittedChanges,
            RuntimeVersion = RunEnvironment.RuntimeVersion,
            OsDescription = RunEnvironment.OsDescription,
            CommandLine = commandLine ?? RunEnvironment.CommandLine,
            StartedUtc = started,
            EndedUtc = DateTime.UtcNow,
            Plots = plots,
        };
}
