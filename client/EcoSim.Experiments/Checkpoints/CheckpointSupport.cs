namespace EcoSim.Experiments.Checkpoints;

/// <summary>What an engine that cannot write or resume checkpoints says (both of EcoSim's engines can, in the same bytes).</summary>
public static class CheckpointSupport
{
    /// <summary>Why an engine that does not implement checkpoints (a stand-in of a test, say) refuses them.</summary>
    public static string Refusal(EngineKind kind) =>
        $"this {kind.Name()} engine does not write or resume checkpoints (--checkpoint-every, --checkpoint-at, resume, fork)";
}
