using EcoSim.Model.World;

namespace EcoSim.Grains.Abstractions;

/// <summary>Where a run driven on the server is, as an observer sees it.</summary>
[GenerateSerializer]
public enum DetachedRunState
{
    /// <summary>No detached run has this id: never started, not a detached run, released long ago, or lost with its silo.</summary>
    Unknown,
    /// <summary>Ticks are still being run.</summary>
    Running,
    /// <summary>Every tick ran; the rows of all of them are kept until the run is released.</summary>
    Finished,
    /// <summary>A tick failed; the rows before it are kept, and the message says why.</summary>
    Failed,
    /// <summary>
    /// The run ended and nobody observed it for the silo's orphan timeout, so its rows were dropped; its grain remembers
    /// that much until it is collected (a grain age later), so that a client coming back is told why, not just "unknown".
    /// </summary>
    Released,
}

/// <summary>
/// What a client gives a run it leaves to the server, besides the world: the scenario as it was read (so that a client
/// attaching later writes the same output folder without the files) and the command that started it (which the
/// output's manifest records, so that <c>reproduce</c> runs that command). The grains only keep it and hand it back.
/// </summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="Description">The question the scenario answers.</param>
/// <param name="Path">The scenario file as given.</param>
/// <param name="SourcePaths">The files read, the scenario first.</param>
/// <param name="SourceTexts">Their texts, in the same order.</param>
/// <param name="CommandLine">The command that started the run, one word each.</param>
/// <param name="FirmsPerShard">Firms per shard grain of the run.</param>
/// <param name="World">The world the run runs.</param>
[GenerateSerializer, Immutable]
public sealed record DetachedRunSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] string Description,
    [property: Id(2)] string Path,
    [property: Id(3)] IReadOnlyList<string> SourcePaths,
    [property: Id(4)] IReadOnlyList<string> SourceTexts,
    [property: Id(5)] IReadOnlyList<string> CommandLine,
    [property: Id(6)] int FirmsPerShard,
    [property: Id(7)] WorldSpec World);

/// <summary>The answer to one observation of a detached run.</summary>
/// <param name="State">Where the run is.</param>
/// <param name="Done">Ticks finished so far.</param>
/// <param name="Ticks">Ticks of the whole run (0 when unknown).</param>
/// <param name="Rows">The metrics of the finished ticks after the one the observer had, in tick order (possibly none).</param>
/// <param name="Message">Why the run failed, or null.</param>
/// <param name="OrphanTimeout">The silo's orphan timeout: how long after it ends, unobserved, the run is released.</param>
[GenerateSerializer, Immutable]
public sealed record RunObservation(
    [property: Id(0)] DetachedRunState State,
    [property: Id(1)] int Done,
    [property: Id(2)] int Ticks,
    [property: Id(3)] IReadOnlyList<TickRows> Rows,
    [property: Id(4)] string? Message,
    [property: Id(5)] TimeSpan OrphanTimeout)
{
    /// <summary>The answer for a run id that names no detached run, from a silo whose orphan timeout is <paramref name="orphanTimeout"/>.</summary>
    public static RunObservation Unknown(TimeSpan orphanTimeout) => new(DetachedRunState.Unknown, 0, 0, [], null, orphanTimeout);

    /// <summary>The answer for a run released after nobody observed it for <paramref name="orphanTimeout"/>.</summary>
    public static RunObservation Released(TimeSpan orphanTimeout) => new(DetachedRunState.Released, 0, 0, [], null, orphanTimeout);
}
