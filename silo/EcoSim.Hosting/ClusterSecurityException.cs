namespace EcoSim.Hosting;

/// <summary>
/// A cluster's security is not what it must be (credentials missing or unsafe, an exposed address
/// without them, a peer that refused ours). The message says what to do, so hosts and the command
/// line print it alone, without a stack trace; the cause, if any, stays in <see cref="Exception.InnerException"/>
/// for ECOSIM_DEBUG, while <see cref="GetBaseException"/> stops here so that a printer of the base
/// message prints this one.
/// </summary>
public sealed class ClusterSecurityException : Exception
{
    /// <summary>A failure with its message for the user.</summary>
    public ClusterSecurityException(string message) : base(message) { }

    /// <summary>A failure with its message for the user and the exception that revealed it.</summary>
    public ClusterSecurityException(string message, Exception cause) : base(message, cause) { }

    /// <inheritdoc/>
    public override Exception GetBaseException() => this;
}
