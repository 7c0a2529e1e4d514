namespace EcoSim.Experiments.Engines;

/// <summary>
/// A run id names no detached run on the cluster: never started, released after nobody observed it, or lost with its
/// silo. The message says which it can tell. A caller treats it as bad input (the id), not as a broken cluster.
/// </summary>
/// <param name="message">What became of the run, naming its id.</param>
public sealed class DetachedRunMissingException(string message) : Exception(message);
