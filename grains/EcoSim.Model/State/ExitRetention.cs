namespace EcoSim.Model.State;

/// <summary>
/// How long an engine keeps the state of a firm after it exits: part of how an engine is run, not of the world, so no
/// scenario or output changes with it. A firm's state no longer changes once it has exited, and only a census reads it
/// (the firm panel writes each exit once, at the first collected tick after it), so a run keeps an exited firm until the
/// end of the first censused tick at or after its exit and then drops it; with no censused tick left, an exit is not
/// kept at all. <c>inspect</c>'s own run keeps every exit (<see cref="Every"/>), since it may be asked about any firm
/// that ever entered. The rule is a function of the ticks only, so every engine, silo count and shard size keeps exactly
/// the same firms, and memory and snapshots follow the living firms rather than the run's history.
/// </summary>
public sealed class ExitRetention
{
    private readonly int[] _censusTicks;

    private ExitRetention(bool keepsEvery, int[] censusTicks) => (KeepsEvery, _censusTicks) = (keepsEvery, censusTicks);

    /// <summary>Keeps every exited firm for the whole run: what an engine does unless told which ticks are censused.</summary>
    public static ExitRetention Every { get; } = new(true, []);

    /// <summary>Keeps no exited firm past its exit tick: a run whose firms are never censused.</summary>
    public static ExitRetention None { get; } = new(false, []);

    /// <summary>Keeps each exited firm until the end of the first of <paramref name="censusTicks"/> at or after its exit.</summary>
    public static ExitRetention UntilReported(IEnumerable<int> censusTicks)
    {
        int[] ticks = [.. censusTicks.Distinct().Order()];
        return ticks.Length == 0 ? None : new(false, ticks);
    }

    /// <summary>Whether every exit is kept, whatever the ticks (<see cref="Every"/>).</summary>
    public bool KeepsEvery { get; }

    /// <summary>The censused ticks, increasing (empty for <see cref="Every"/> and <see cref="None"/>).</summary>
    public IReadOnlyList<int> CensusTicks => _censusTicks;

    /// <summary>
    /// The last tick at whose end a firm that exited in tick <paramref name="exitTick"/> is still held: the first censused
    /// tick at or after it, <see cref="int.MaxValue"/> when every exit is kept, or -1 when no census is left to report it.
    /// </summary>
    public int KeptThrough(int exitTick)
    {
        if (KeepsEvery) return int.MaxValue;
        int at = Array.BinarySearch(_censusTicks, exitTick);
        if (at < 0) at = ~at;
        return at < _censusTicks.Length ? _censusTicks[at] : -1;
    }

    /// <summary>
    /// Whether the exits held at the end of <paramref name="tick"/> are still held in the next tick. A firm held then
    /// exited at or before <paramref name="tick"/> with no census between its exit and the tick before, so its first
    /// census at or after its exit is that of <paramref name="tick"/>'s own exits: all the exits held at a tick's end
    /// go, or stay, together. <see cref="FirmShard.Compact(int, ExitRetention)"/> relies on that.
    /// </summary>
    public bool KeepsPast(int tick) => KeptThrough(tick) > tick;

    /// <inheritdoc/>
    public override string ToString() =>
        KeepsEvery ? "every exit kept" : _censusTicks.Length == 0 ? "no exit kept" : $"exits kept until the census of ticks {string.Join(", ", _censusTicks)}";
}
