namespace EcoSim.Hosting;

/// <summary>
/// The cluster cannot be reached or has no silo left: its Redis does not answer, its membership table
/// lists no gateway, or every silo stopped answering during a run. The message says what was tried and
/// what to look at, so the command line prints it alone, without a stack trace; the cause, if any, stays
/// in <see cref="Exception.InnerException"/> for ECOSIM_DEBUG, while <see cref="GetBaseException"/> stops
/// here so that a printer of the base message prints this one.
/// </summary>
public sealed class ClusterUnavailableException : Exception
{
    /// <summary>A failure with its message for the user.</summary>
    public ClusterUnavailableException(string message) : base(message) { }

    /// <summary>A failure with its message for the user and the exception that revealed it.</summary>
    public ClusterUnavailableException(string message, Exception cause) : base(message, cause) { }

    /// <inheritdoc/>
    public override Exception GetBaseException() => this;
}
