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

    /// <summary>The cluster's address with its credentials, as a client that holds them connects.</summary>
    public static EcoSimClusterOptions Options
    {
        get
        {
            if (!ClusterAddress.TryParse(Address, out var options)) throw new InvalidOperationException($"{AddressVariable}='{Address}' is not {ClusterAddress.Forms}");
            options.Credentials = CredentialsFolder;
            return options;
        }
    }

    /// <summary>The credentials folder that scripts/cluster.sh made for the cluster (Redis password, cluster certificate).</summary>
    public static string CredentialsFolder => Path.Combine(StateFolder, "credentials");

    /// <summary>The arguments each silo was started with (one list per silo, from its silo-N.args file).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> SiloArguments =>
        [.. Directory.GetFiles(StateFolder, "silo-*.args").Order(StringComparer.Ordinal).Select(f => (IReadOnlyList<string>)File.ReadAllLines(f))];

    /// <summary>The PIDs in the state folder's pid files (silos and Redis).</summary>
    public static IEnumerable<int> Processes => Pids("*.pid");

    /// <summary>The PIDs of the silo processes, silo 1 first.</summary>
    public static IEnumerable<int> SiloProcesses => Pids("silo-*.pid");

    /// <summary>The PID of the cluster's Redis.</summary>
    public static int RedisProcess => Pids("redis.pid").Single();

    /// <summary>Redis' configuration file, with which it can be started again as it was (same port, same password).</summary>
    public static string RedisConfiguration => Path.Combine(StateFolder, "redis.conf");

    private static IEnumerable<int> Pids(string pattern) => Directory.GetFiles(StateFolder, pattern).Order(StringComparer.Ordinal)
        .Select(f => int.Parse(File.ReadAllText(f).Trim(), System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The built standalone silo that scripts/cluster.sh runs.</summary>
    public static string SiloAssembly => Path.Combine(RepoRoot, "silo", "EcoSim.Silo", "bin", "Release", "net10.0", "EcoSim.Silo.dll");

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
        var (code, output, errors) = Child("bash", [Path.Combine(RepoRoot, "scripts", "cluster.sh"), command], timeout, new() { [StateVariable] = StateFolder });
        return (code, code == -1 ? $"scripts/cluster.sh {command} did not finish within {timeout.TotalSeconds:0} s" : output + errors);
    }

    /// <summary>
    /// Runs <paramref name="program"/> as a child process with <paramref name="environment"/> changed (a null
    /// value removes a variable); returns its exit code (-1 if it did not finish in time and was killed), output and errors.
    /// </summary>
    public static (int Code, string Output, string Errors) Child(string program, IEnumerable<string> args, TimeSpan timeout, Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output.Result, errors.Result);
        }
        return (process.ExitCode, output.Result, errors.Result);
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
