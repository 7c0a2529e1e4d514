namespace EcoSim.Experiments.Checkpoints;

/// <summary>Which engines write and resume checkpoints, said in one place for the engines and the command line.</summary>
public static class CheckpointSupport
{
    /// <summary>Whether <paramref name="kind"/> writes and resumes checkpoints.</summary>
    public static bool Supports(EngineKind kind) => kind == EngineKind.Reference;

    /// <summary>Why <paramref name="kind"/> cannot, naming the engine that can.</summary>
    public static string Refusal(EngineKind kind) =>
        $"checkpoints (--checkpoint-every, --checkpoint-at, resume, fork) run on the {EngineKind.Reference.Name()} engine only (--engine {EngineKind.Reference.Name()}); " +
        $"the {kind.Name()} engine does not save or restore its grains' state yet";
}
