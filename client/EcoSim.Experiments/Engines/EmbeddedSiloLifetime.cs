namespace EcoSim.Experiments.Engines;

/// <summary>
/// Whether an embedded silo lives until the process exits instead of being stopped when its command is done: for a
/// process that runs one command and exits (the command line's <c>Main</c>), where a stop only delays the exit. A
/// process that runs commands one after another (the tests) leaves it off, so each command's silo is
/// stopped and nothing of it accumulates.
/// </summary>
public static class EmbeddedSiloLifetime
{
    private static volatile bool _endsWithProcess;

    /// <summary>Whether embedded silos are left to the process's exit.</summary>
    public static bool EndsWithProcess => _endsWithProcess;

    /// <summary>
    /// Leaves the embedded silos of this process to its exit from now on; call it only where the process exits when its
    /// one command returns, since every command's silo then stays until that exit.
    /// </summary>
    public static void EndWithProcess() => _endsWithProcess = true;
}
