using EcoSim.Experiments;
using EcoSim.Experiments.Pipelines;

namespace EcoSim.Client.Cli.Progress;

/// <summary>
/// Shows how far a command's runs have come: runs done, ticks done, rate and time left. Every command
/// that runs the model subscribes one to its experiment's progress events; runs report from many threads
/// at once. Disposing ends the display; a complete display then shows its final line, an interrupted one does not.
/// </summary>
internal interface IProgressDisplay : IRunProgress
{
    /// <summary>One tick of one run is done.</summary>
    void TickDone();

    /// <summary>One run is done, its results written.</summary>
    void RunDone();

    /// <summary>Counts an experiment's step.</summary>
    void IProgress<ExperimentProgress>.Report(ExperimentProgress value)
    {
        if (value.Step == ProgressStep.TickDone) TickDone();
        else RunDone();
    }
}
