using EcoSim.Experiments.Engines;

namespace EcoSim.Experiments.Output;

/// <summary>What every kind of manifest records of the engine, the program and the command, filled in one place.</summary>
public static class ManifestStamp
{
    /// <summary>
    /// <paramref name="manifest"/> (a kind's own keys) with the engine that ran it, the ticks of each run,
    /// this program, its command line, the start time and the end time now, and whether plots were drawn.
    /// </summary>
    public static T Of<T>(T manifest, ISimulationEngine engine, int ticks, DateTime started, bool plots) where T : OutputManifest =>
        (T)(manifest with
        {
            Engine = engine.Name,
            SiloCount = engine.SiloCount,
            FirmsPerShard = engine.FirmsPerShard,
            TickCount = ticks,
            CodeVersion = RunEnvironment.CodeVersion,
            UncommittedChanges = RunEnvironment.UncommittedChanges,
            RuntimeVersion = RunEnvironment.RuntimeVersion,
            OsDescription = RunEnvironment.OsDescription,
            CommandLine = RunEnvironment.CommandLine,
            StartedUtc = started,
            EndedUtc = DateTime.UtcNow,
            Plots = plots,
        });
}
