using System.Globalization;

namespace EcoSim.ClusterLoad;

/// <summary>The resident memory of the silo processes that scripts/cluster.sh started (their pid files in its state folder).</summary>
internal sealed class SiloMemory(string stateFolder)
{
    /// <summary>The silo processes, silo 1 first.</summary>
    public IReadOnlyList<int> Processes { get; } = [.. Directory.GetFiles(stateFolder, "silo-*.pid").Order(StringComparer.Ordinal)
        .Select(f => int.Parse(File.ReadAllText(f).Trim(), CultureInfo.InvariantCulture))];

    /// <summary>Each silo's resident set now, in MB (0 for a process that is gone).</summary>
    public double[] ResidentMegabytes() => [.. Processes.Select(pid => Field(pid, "VmRSS:") / 1024.0)];

    private static long Field(int pid, string name)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith(name, StringComparison.Ordinal))
                    return long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException) { }
        return 0;
    }
}
