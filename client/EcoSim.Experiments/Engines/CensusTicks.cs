using System.Collections;
using EcoSim.Model.State;

namespace EcoSim.Experiments.Engines;

/// <summary>
/// The ticks whose firm census a run's outputs ask for, and among them those whose census must report the firms that
/// exited since the census before: the firm panel's. The other censuses (the firm-size plot's first and last tick, the
/// explorer's firm sizes) read only the live firms, so an engine need keep no exit for them; without that, a census at the
/// run's last tick would keep every exit of the run until its end. An engine given a plain set of ticks takes every one
/// of them as reporting exits.
/// </summary>
public sealed class CensusTicks : IReadOnlySet<int>
{
    private readonly SortedSet<int> _ticks;

    /// <summary>Censuses of <paramref name="liveOnly"/>, which read the live firms only, and of <paramref name="reportingExits"/>, which report exits too.</summary>
    public CensusTicks(IEnumerable<int> liveOnly, IEnumerable<int> reportingExits)
    {
        ReportingExits = new SortedSet<int>(reportingExits);
        _ticks = new SortedSet<int>(liveOnly.Concat(ReportingExits));
    }

    /// <summary>The ticks whose census reports the firms that exited since the census before.</summary>
    public IReadOnlySet<int> ReportingExits { get; }

    /// <summary>How long an engine asked for censuses of <paramref name="firmTicks"/> keeps an exited firm: until the first census that reports exits at or after its exit.</summary>
    public static ExitRetention RetentionFor(IReadOnlySet<int> firmTicks) =>
        ExitRetention.UntilReported(firmTicks is CensusTicks ticks ? ticks.ReportingExits : firmTicks);

    /// <summary>The censuses of several outputs together: a tick reports exits when any of them asks it to.</summary>
    public static CensusTicks Union(IEnumerable<IReadOnlySet<int>> sets)
    {
        var (all, reporting) = (new List<int>(), new List<int>());
        foreach (var set in sets)
        {
            all.AddRange(set);
            reporting.AddRange(set is CensusTicks ticks ? ticks.ReportingExits : set);
        }
        return new CensusTicks(all, reporting);
    }

    /// <inheritdoc/>
    public int Count => _ticks.Count;
    /// <inheritdoc/>
    public bool Contains(int item) => _ticks.Contains(item);
    /// <inheritdoc/>
    public IEnumerator<int> GetEnumerator() => _ticks.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    /// <inheritdoc/>
    public bool IsProperSubsetOf(IEnumerable<int> other) => _ticks.IsProperSubsetOf(other);
    /// <inheritdoc/>
    public bool IsProperSupersetOf(IEnumerable<int> other) => _ticks.IsProperSupersetOf(other);
    /// <inheritdoc/>
    public bool IsSubsetOf(IEnumerable<int> other) => _ticks.IsSubsetOf(other);
    /// <inheritdoc/>
    public bool IsSupersetOf(IEnumerable<int> other) => _ticks.IsSupersetOf(other);
    /// <inheritdoc/>
    public bool Overlaps(IEnumerable<int> other) => _ticks.Overlaps(other);
    /// <inheritdoc/>
    public bool SetEquals(IEnumerable<int> other) => _ticks.SetEquals(other);
}
