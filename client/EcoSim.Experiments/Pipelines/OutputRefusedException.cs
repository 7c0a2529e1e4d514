namespace EcoSim.Experiments.Pipelines;

/// <summary>
/// A pipeline did not start because of what it was asked: its output folder cannot be used (see
/// <see cref="Output.OutputFolderException"/>) or a reproduction would write over the folder it reproduces.
/// Nothing was written or touched.
/// </summary>
/// <param name="message">Why, naming the folder.</param>
/// <param name="inner">The refusal of the output folder, if that was why.</param>
public sealed class OutputRefusedException(string message, Exception? inner = null) : Exception(message, inner);
