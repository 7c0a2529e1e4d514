namespace EcoSim.Scenarios;

/// <summary>
/// The real path of a file or folder: absolute, with every link along it followed (the last one included) and
/// <c>.</c> and <c>..</c> taken in the order the operating system takes them, after the link before them is
/// followed. Checks that a path stays inside a folder are only sound on real paths: a link inside the folder
/// may point anywhere.
/// </summary>
internal static class RealPath
{
    /// <summary>Most links followed for one path, as Linux's own limit.</summary>
    private const int MaxLinks = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>The real path of <paramref name="path"/> (relative paths are taken from the current folder); parts that do not exist are kept as written.</summary>
    /// <exception cref="IOException">More than <see cref="MaxLinks"/> links (a loop).</exception>
    public static string Of(string path)
    {
        string absolute = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        string current = Path.GetPathRoot(absolute)!;
        var pending = new Stack<string>(Parts(absolute[current.Length..]).Reverse());
        int links = 0;
        while (pending.Count > 0)
        {
            string part = pending.Pop();
            if (part == ".") continue;
            if (part == "..") { current = Path.GetDirectoryName(current) ?? current; continue; }
            string next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is not { } target) { current = next; continue; }
            if (++links > MaxLinks) throw new IOException($"{path}: more than {MaxLinks} links (a loop of links?)");
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }
            foreach (string p in Parts(target).Reverse()) pending.Push(p);
        }
        return current;
    }

    /// <summary>Whether the real path <paramref name="path"/> is <paramref name="folder"/> (a real path) or lies below it.</summary>
    public static bool IsUnder(string path, string folder)
    {
        string trimmed = Path.TrimEndingDirectorySeparator(folder);
        string prefix = trimmed.EndsWith(Path.DirectorySeparatorChar) ? trimmed : trimmed + Path.DirectorySeparatorChar; // a root keeps its separator
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Parts(string path) => path.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
}
