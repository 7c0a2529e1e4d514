using EcoSim.Model.Time;

namespace EcoSim.Experiments.Checkpoints;

/// <summary>How checkpoint files are named and where they go by default: <c>checkpoints/2030Q1.ecosnap</c> under the output folder.</summary>
public static class CheckpointNames
{
    /// <summary>The extension of a checkpoint file.</summary>
    public const string Extension = ".ecosnap";

    /// <summary>The default folder of a run's checkpoints, under its output folder.</summary>
    public const string DefaultFolder = "checkpoints";

    /// <summary>The file name of the checkpoint from which a resumed run starts with <paramref name="period"/>.</summary>
    public static string FileName(Period period) => $"{period}{Extension}";
}
