using EcoSim.Client.Cli;

namespace EcoSim.Cluster.Tests;

/// <summary>The command line as the cluster tests call it, in this process, and a fresh folder for its outputs.</summary>
internal static class ClusterCli
{
    /// <summary>Runs <c>ecosim</c> with <paramref name="args"/>; its exit code and what it printed.</summary>
    public static async Task<(int Code, string Output, string Errors)> Ecosim(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int code = await EcoSimCli.RunAsync(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    /// <summary>A new empty folder under the temporary folder.</summary>
    public static string NewTempFolder()
    {
        string path = Path.Combine(Path.GetTempPath(), "ecosim-cluster-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
