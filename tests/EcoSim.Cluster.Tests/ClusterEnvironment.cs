using System.Diagnostics;
using EcoSim.Hosting;

namespace EcoSim.Cluster.Tests;

/// <summary>The cluster under test: its address, and the processes and script of scripts/cluster.sh that run it.</summary>
internal static class ClusterEnvironment
{
    public const string AddressVariable = "ECOSIM_CLUSTER";
    public const string StateVariable = "ECOSIM_CLUSTER_DIR";

    /// <summary>Silos that 'scripts/cluster.sh start' starts and these tests expect.</summary>
    public const int ExpectedSilos = 3;

    public static string Address => Environment.GetEnvironmentVariable(AddressVariable)?.Trim()
        ?? throw new InvalidOperationException($"{AddressVariable} is not set");

    public static EcoSimClusterOptions Options =>
        ClusterAddress.TryParse(Address, out var options) ? options : throw new InvalidOperationException($"{AddressVariable}='{Address}' is not {ClusterAddress.Forms}");

    /// <summary>The folder where scripts/cluster.sh keeps PIDs, logs and the address of the cluster it started.</summary>
    public static string StateFolder
    {
        get
        {
            string folder = Environment.GetEnvironmentVariable(StateVariable) is { Length: > 0 } dir ? dir : "/tmp/ecosim-cluster";
            string env = Path.Combine(folder, "cluster.env");
            if (!File.Exists(env))
                throw new InvalidOperationException($"{env} is missing: the cluster in {AddressVariable} was not started by scripts/cluster.sh with state in {folder} (set {StateVariable})");
            if (File.ReadAllText(env).Trim() != $"{AddressVariable}={Address}")
                throw new InvalidOperationException($"{env} names another cluster than {AddressVariable}={Address}");
            return folder;
        }
    }

    /// <summary>The PID of the silo process whose silo-to-silo port is <paramref name="siloPort"/>.</summary>
    public static int SiloProcess(int siloPort)
    {
        foreach (string args in Directory.GetFiles(StateFolder, "silo-*.args"))
        {
            if (!File.ReadLines(args).Contains($"--EcoSim:Cluster:SiloPort={siloPort}")) continue;
            return int.Parse(File.ReadAllText(Path.ChangeExtension(args, ".pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        throw new InvalidOperationException($"no silo of {StateFolder} listens on port {siloPort}");
    }

    /// <summary>Runs scripts/cluster.sh with <paramref name="command"/>; returns its exit code and output.</summary>
    public static (int Code, string Output) Script(string command, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepoRoot, "scripts", "cluster.sh"), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { [StateVariable] = StateFolder },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: false);
            return (-1, $"scripts/cluster.sh {command} did not finish within {timeout.TotalSeconds:0} s");
        }
        return (process.ExitCode, output.Result + errors.Result);
    }

    private static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EcoSim.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("EcoSim.sln not found above the test folder");
        }
    }
}
