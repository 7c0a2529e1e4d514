namespace EcoSim.Experiments.Output;

/// <summary>How the output path was asked for, which decides what happens when something is already there.</summary>
public enum OutputMode
{
    /// <summary>
    /// The command's default (<c>runs/&lt;name&gt;</c>): the user named no folder, so an occupied one is never
    /// touched and the first free of <c>&lt;name&gt;-2</c>, <c>&lt;name&gt;-3</c>, ... is used instead.
    /// </summary>
    Fresh,

    /// <summary><c>--out</c> without <c>--overwrite</c>: an earlier output there is refused, never replaced.</summary>
    Explicit,

    /// <summary>
    /// <c>--out</c> with <c>--overwrite</c>: an earlier EcoSim output is replaced, but only when its files are exactly
    /// those its manifest lists, with their recorded SHA-256s, so nothing added or edited by hand is lost.
    /// </summary>
    Overwrite,
}
