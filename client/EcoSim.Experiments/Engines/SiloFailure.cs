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

    /// <summary>One line naming the failure, for a message on stderr.</summary>
    public static string Describe(Exception failure)
    {
        var cause = Causes(failure).FirstOrDefault(e => e is not AggregateException) ?? failure;
        string message = cause.Message.Split('\n', 2)[0].Trim();
        return message.Length > 160 ? $"{cause.GetType().Name}: {message[..160]}..." : $"{cause.GetType().Name}: {message}";
    }

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
