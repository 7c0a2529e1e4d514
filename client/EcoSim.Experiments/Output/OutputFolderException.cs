namespace EcoSim.Experiments.Output;

/// <summary>
/// The output folder requested for a run cannot be used (for example it exists, is not empty and is
/// not an earlier EcoSim output). Nothing at <see cref="FolderPath"/> has been changed.
/// </summary>
public sealed class OutputFolderException : IOException
{
    /// <summary>Creates the exception for <paramref name="folderPath"/> with the reason it was refused.</summary>
    /// <param name="folderPath">The output folder that was refused, as a full path.</param>
    /// <param name="reason">Why it was refused, as a sentence fragment (e.g. "exists and is a file").</param>
    /// <param name="inner">The underlying error, if any.</param>
    public OutputFolderException(string folderPath, string reason, Exception? inner = null)
        : base($"output folder '{folderPath}' cannot be used: {reason}", inner)
    {
        FolderPath = folderPath;
        Reason = reason;
    }

    /// <summary>The output folder that was refused.</summary>
    public string FolderPath { get; }

    /// <summary>Why the folder was refused.</summary>
    public string Reason { get; }
}
