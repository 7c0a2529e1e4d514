namespace EcoSim.Experiments.Progress;

/// <summary>
/// Shows how far a command's runs have come: runs done, ticks done, rate and time left. Every command
/// that runs the model reports through this one interface; runs report from many threads at once.
/// Disposing ends the display; a complete display then shows its final line, an interrupted one does not.
/// </summary>
internal interface IProgressDisplay : IAsyncDisposable
{
    /// <summary>One tick of one run is done.</summary>
    void TickDone();

    /// <summary>One run is done, its results written.</summary>
    void RunDone();
}
