namespace EcoSim.Experiments.Output;

/// <summary>
/// What the manifest of a run driven on the cluster records of that: the run id it was detached under and the command that
/// attached to it and wrote the folder. The manifest's own command line is the one that started the run (what
/// <c>reproduce</c> runs again); this says the client that wrote the files only observed it.
/// </summary>
/// <param name="RunId">The run id that <c>run --detach</c> printed.</param>
/// <param name="AttachCommandLine">The <c>attach</c> command that wrote the folder, one word each.</param>
public sealed record DetachedRunRecord(string RunId, IReadOnlyList<string> AttachCommandLine);
