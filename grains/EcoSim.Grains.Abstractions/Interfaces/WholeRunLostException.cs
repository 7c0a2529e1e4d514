namespace EcoSim.Grains.Abstractions;

/// <summary>
/// A whole-run grain was called for a run it does not hold. Each attempt of a member has a grain of its own, started once,
/// so this means the activation that held the run went with its silo and the call reached a fresh one (a call made after
/// the cluster declared the silo dead): the run is lost as with its silo, and may start again like it.
/// </summary>
[GenerateSerializer]
public sealed class WholeRunLostException : Exception
{
    /// <summary>An exception with <paramref name="message"/>.</summary>
    public WholeRunLostException(string message) : base(message) { }

    /// <summary>An exception without a message, for the serializer.</summary>
    public WholeRunLostException() { }
}
