using Orleans.Networking.Shared;
using Orleans.Runtime.Messaging;

namespace EcoSim.Experiments.Engines;

/// <summary>Tells failures that mean "a silo went away" from failures of the run itself.</summary>
internal static class SiloFailure
{
    /// <summary>
    /// True if <paramref name="failure"/>, or anything it wraps, is how Orleans reports an unreachable
    /// silo: a rejected message (the target silo is dead or unknown), a response that never came, or a
    /// broken connection; or the cluster declared a silo dead while a call waited (<see cref="SiloLostException"/>).
    /// </summary>
    public static bool IsSiloLoss(Exception failure) => Causes(failure).Any(e => e is SiloLostException or OrleansMessageRejectionException // includes SiloUnavailableException
        or TimeoutException or ConnectionFailedException or SocketConnectionException);

    /// <summary>
    /// One line saying in words what failed, for a message on stderr: the kind of failure (a silo declared dead, a
    /// call that timed out, a message a silo refused, a broken connection) and the first line of its message, never
    /// .NET's type names, which say nothing to a user (ECOSIM_DEBUG prints the whole exception where one is wanted).
    /// </summary>
    public static string Describe(Exception failure)
    {
        var cause = Causes(failure).FirstOrDefault(e => e is not AggregateException) ?? failure;
        string message = cause.Message.Split('\n', 2)[0].Trim();
        if (message.Length > 160) message = message[..160] + "...";
        return $"{KindOf(cause)}: {message}";
    }

    private static string KindOf(Exception cause) => cause switch
    {
        SiloLostException => "a silo was declared dead",
        TimeoutException => "a call to a silo timed out",
        OrleansMessageRejectionException => "a silo could not take a message",
        ConnectionFailedException or SocketConnectionException => "a connection to a silo broke",
        _ => "a call to the cluster failed",
    };

    private static IEnumerable<Exception> Causes(Exception failure)
    {
        var pending = new Stack<Exception>([failure]);
        while (pending.TryPop(out var e))
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions) pending.Push(inner);
            else if (e.InnerException is { } inner)
                pending.Push(inner);
        }
    }
}
