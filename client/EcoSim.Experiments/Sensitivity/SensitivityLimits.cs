namespace EcoSim.Experiments.Sensitivity;

/// <summary>The sizes a sensitivity design may take, checked before anything runs.</summary>
public static class SensitivityLimits
{
    /// <summary>Most parameters in one design: a Saltelli design of k parameters needs a 2k-dimensional Sobol sequence, and the direction-number table stops there with room to spare.</summary>
    public const int MaxParameters = 20;
    /// <summary>Largest Sobol base sample N (a power of two).</summary>
    public const int MaxSamples = 1 << 16;
    /// <summary>Most Morris trajectories.</summary>
    public const int MaxTrajectories = 1000;
    /// <summary>Bootstrap resamples behind every 90% interval.</summary>
    public const int Resamples = 1000;
}
