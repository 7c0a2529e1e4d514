namespace EcoSim.Model.Snapshots;

/// <summary>
/// The scenario a run was made from, as a snapshot records it: enough to rebuild the run's world without the
/// scenario's files (they may have changed or gone since).
/// </summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="Text">Its full text (the scenario file and every file it extends).</param>
/// <param name="Sha256">SHA-256 (hex) of the text.</param>
public sealed record ScenarioIdentity(string Name, string Text, string Sha256);
