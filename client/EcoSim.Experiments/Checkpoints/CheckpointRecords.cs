namespace EcoSim.Experiments.Checkpoints;

/// <summary>One checkpoint a run wrote, as its manifest lists it.</summary>
/// <param name="Period">The quarter a run resumed from it starts with, e.g. <c>2030Q1</c>.</param>
/// <param name="Tick">Ticks done when it was taken.</param>
/// <param name="Path">The file: relative to the output folder when under it (with <c>/</c>), else as written.</param>
/// <param name="Bytes">Its length.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of its bytes.</param>
public sealed record WrittenCheckpoint(string Period, int Tick, string Path, long Bytes, string Sha256);

/// <summary>The checkpoint a resumed or forked run started from, and the run that wrote it, as its manifest records them.</summary>
/// <param name="Path">The checkpoint file as given.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of its bytes.</param>
/// <param name="Period">The quarter the run resumed with.</param>
/// <param name="Tick">Ticks done in the checkpoint.</param>
/// <param name="ParentScenarioSha256">SHA-256 of the scenario text of the run that wrote it.</param>
/// <param name="ParentManifest">The manifest of the run that wrote it, when found beside it (the folder above <c>checkpoints/</c>), else null.</param>
/// <param name="ParentManifestSha256">SHA-256 of that manifest, else null.</param>
/// <param name="Fork">How a fork changed the scenario (the policy file, or each <c>--set NAME=VALUE</c>); empty for a plain resume.</param>
public sealed record ResumedCheckpoint(string Path, string Sha256, string Period, int Tick, string ParentScenarioSha256,
    string? ParentManifest, string? ParentManifestSha256, IReadOnlyList<string> Fork);
